package dev.sumoclient.users.contract.example;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UserModel;
import java.util.NoSuchElementException;

/**
 * Stands for code in a service that uses sumo-users-java: an HR system offboarding a leaver, whose
 * content goes to their successor, both known only by email. Its contract test is {@link
 * OffboardingServiceContractTest}.
 */
final class Offboarding {

  private final SumoUsersClient sumo;

  Offboarding(SumoUsersClient sumo) {
    this.sumo = sumo;
  }

  /**
   * Deletes the leaver's account and hands their content to the successor.
   *
   * @return the id of the user who received the content
   */
  String offboard(String leaverEmail, String successorEmail) {
    UserModel leaver = find(leaverEmail);
    UserModel successor = find(successorEmail);
    sumo.deleteUser(leaver.getId(), ContentDisposition.transferTo(successor.getId()));
    return successor.getId();
  }

  private UserModel find(String email) {
    return sumo.findByEmail(email)
        .orElseThrow(() -> new NoSuchElementException("no Sumo Logic user " + email));
  }
}
