package dev.sumoclient.users.spring.boot;

import dev.sumoclient.users.SumoConfigurationException;

/**
 * A {@code sumologic.users.*} property holds a value the client refuses; Spring Boot's failure
 * analysis reports it at startup, naming the property and the rule.
 *
 * <p>The message never repeats the value, which may be a secret or a URL carrying one; nor does it
 * keep the client's own exception as its cause, whose message might.
 */
public final class InvalidSumoPropertyException extends SumoConfigurationException {
  private static final long serialVersionUID = 1L;

  /** The full property name. */
  private final String property;

  /** What the value must be. */
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param property the full property name, such as {@code sumologic.users.connect-timeout}
   * @param rule what the value must be
   */
  public InvalidSumoPropertyException(String property, String rule) {
    super("Invalid Sumo Logic client property " + property + ": " + rule);
    this.property = property;
    this.rule = rule;
  }

  /**
   * Returns the property's full name.
   *
   * @return the name, such as {@code sumologic.users.deployment}
   */
  public String property() {
    return property;
  }

  /**
   * Returns what the value must be.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }
}
