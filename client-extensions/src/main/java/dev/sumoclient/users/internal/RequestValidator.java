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

  /**
   * Bootstrapping Hibernate Validator takes hundreds of milliseconds, so it happens once per JVM,
   * on the first call that validates a body, not when a client is built: reads such as {@code
   * getUser} never need it. The validator is thread-safe and immutable once built.
   */
  private static final class Shared {
    static final Validator VALIDATOR = QuietValidatorStart.quietly(Shared::build);

    private Shared() {}

    // The factory is never closed: it lives as long as the validator it makes, i.e. the JVM.
    private static Validator build() {
      ValidatorFactory factory =
          Validation.byProvider(HibernateValidator.class)
              .configure()
              .messageInterpolator(new ParameterMessageInterpolator())
              .buildValidatorFactory();
      return factory.getValidator();
    }
  }

  /** Creates a validator; Hibernate Validator starts on the first {@link #validate} call. */
  public RequestValidator() {}

  /**
   * Throws when the object breaks any of its constraints.
   *
   * @param what a name for the object, used as the field prefix, such as {@code createUser}
   * @param object the request object
   * @throws SumoValidationException naming each field and rule, sorted by field
   */
  public void validate(String what, Object object) {
    Set<ConstraintViolation<Object>> found = Shared.VALIDATOR.validate(object);
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
   * Returns a value for Feign to put into a path segment or query parameter so that it arrives as
   * exactly the characters given.
   *
   * <p>Feign encodes most characters but passes existing {@code %XX} triplets through, and the HTTP
   * stack then resolves them: the id {@code %2e%2e} would walk up a level and {@code %41} would
   * reach the server as {@code A}. An id is data, so every {@code %} is encoded first; what Feign
   * then sees are only valid triplets of our own, which it keeps.
   *
   * @param value an id or other caller-supplied text
   * @return the text with each {@code %} written as {@code %25}
   */
  public static String literal(String value) {
    return value.indexOf('%') < 0 ? value : value.replace("%", "%25");
  }

  /**
   * Returns {@link #literal(String)} of a value, or null for null.
   *
   * @param value an optional caller-supplied text
   * @return the encoded text, or null
   */
  public static @Nullable String literalOrNull(@Nullable String value) {
    return value == null ? null : literal(value);
  }

  /**
   * Throws when a path id could be empty or walk to another path.
   *
   * <p>Other characters ({@code /}, {@code ?}, {@code %}...) are fine because the id is
   * percent-encoded as one path segment (see {@link #literal(String)}); only {@code .} and {@code
   * ..}, which HTTP stacks resolve as relative segments even when encoded, are refused.
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
