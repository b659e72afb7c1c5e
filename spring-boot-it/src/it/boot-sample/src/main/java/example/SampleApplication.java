package example;

import dev.sumoclient.users.SumoUsersClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** A service that manages Sumo Logic users through the auto-configured client. */
@SpringBootApplication
public class SampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  /** Business code: takes the client like any other bean. */
  @Service
  public static class UserDirectory {
    private final SumoUsersClient sumo;

    public UserDirectory(SumoUsersClient sumo) {
      this.sumo = sumo;
    }

    public long countUsers() {
      return sumo.listUsers().stream().count();
    }
  }
}
