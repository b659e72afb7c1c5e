package dev.sumoclient.users;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was refused before sending because some of its fields break a rule.
 *
 * <p>Each {@link Violation} names the field and the rule; values are never echoed, so passwords
 * stay out of messages.
 */
public class SumoValidationException extends SumoClientException {
  private static final long serialVersionUID = 1L;

  /**
   * One broken rule on one field.
   *
   * @param field the property path, such as {@code email} or {@code createUser.firstName}
   * @param rule what the value must satisfy, such as {@code must not be blank}
   */
  public record Violation(String field, String rule) {
    /** Returns {@code field: rule}. */
    @Override
    public String toString() {
      return field + ": " + rule;
    }
  }

  private final List<Violation> violations;

  /**
   * Creates the exception from the broken rules.
   *
   * @param what the request or argument that was checked
   * @param violations every broken rule, at least one
   */
  public SumoValidationException(String what, List<Violation> violations) {
    super(
        "Invalid "
            + what
            + ": "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /**
   * Creates the exception for a single broken rule.
   *
   * @param field the field at fault
   * @param rule the rule it breaks
   */
  public SumoValidationException(String field, String rule) {
    this("argument", List.of(new Violation(field, rule)));
  }

  /**
   * Returns every broken rule, in a stable order.
   *
   * @return the violations, never empty
   */
  public List<Violation> violations() {
    return violations;
  }
}
