package dev.sumoclient.users.internal;

import dev.sumoclient.users.SumoValidationException;
import dev.sumoclient.users.SumoValidationException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Checks request objects with Jakarta Validation before anything is sent.
 *
 * <p>Uses {@link ParameterMessageInterpolator} so that no Expression Language implementation is
 * needed and no user-supplied value can ever be evaluated or echoed into a message.
 */
public final class RequestValidator {
  private final Validator validator;

  /**
   * Bootstrapping Hibernate Validator takes hundreds of milliseconds, so the factory is built once,
   * on first use, and shared; it is thread-safe and immutable once built.
   */
  private static final class Shared {
    static final ValidatorFactory FACTORY =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();

    private Shared() {}
  }

  /** Creates a validator backed by the shared factory. */
  public RequestValidator() {
    this.validator = Shared.FACTORY.getValidator();
  }

  /**
   * Throws when the object breaks any of its constraints.
   *
   * @param what a name for the object, used as the field prefix, such as {@code createUser}
   * @param object the request object
   * @throws SumoValidationException naming each field and rule, sorted by field
   */
  public void validate(String what, Object object) {
    Set<ConstraintViolation<Object>> found = validator.validate(object);
    if (found.isEmpty()) {
      return;
    }
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<Object> v : found) {
      violations.add(new Violation(what + "." + v.getPropertyPath(), v.getMessage()));
    }
    violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::rule));
    throw new SumoValidationException(what, violations);
  }

  /**
   * Throws when a path id could be empty or walk to another path.
   *
   * <p>Other characters ({@code /}, {@code ?}, {@code %}...) are fine because the id is
   * percent-encoded as one path segment; only {@code .} and {@code ..}, which HTTP stacks resolve
   * as relative segments even when encoded, are refused.
   *
   * @param field the parameter name
   * @param id the id
   */
  public static void requireId(String field, @Nullable String id) {
    if (id == null || id.isBlank()) {
      throw new SumoValidationException(field, "must not be blank");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new SumoValidationException(field, "must not be '.' or '..'");
    }
  }
}
