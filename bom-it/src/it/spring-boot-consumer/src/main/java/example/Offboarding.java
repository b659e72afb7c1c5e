package example;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UserModel;

/** The service's own code: offboards a leaver, handing their content to a successor. */
public final class Offboarding {
  private final SumoUsersClient sumo;

  public Offboarding(SumoUsersClient sumo) {
    this.sumo = sumo;
  }

  /** Deletes the leaver; their content goes to the successor. Returns the successor's id. */
  public String offboard(String leaverEmail, String successorEmail) {
    UserModel leaver = sumo.findByEmail(leaverEmail).orElseThrow();
    UserModel successor = sumo.findByEmail(successorEmail).orElseThrow();
    sumo.deleteUser(leaver.getId(), ContentDisposition.transferTo(successor));
    return successor.getId();
  }
}
