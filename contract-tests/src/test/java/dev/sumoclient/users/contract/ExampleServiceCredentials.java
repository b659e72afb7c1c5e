package dev.sumoclient.users.contract;

/** The made-up credentials of the example service's pact, which the emulator must accept. */
final class ExampleServiceCredentials {

  static final String ACCESS_ID = "suBillingTests";
  static final String ACCESS_KEY = "billing-tests-key-not-a-secret";

  private ExampleServiceCredentials() {}
}
