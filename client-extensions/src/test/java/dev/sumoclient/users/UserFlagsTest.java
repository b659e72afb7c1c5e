package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.generated.model.UserModel;
import org.junit.jupiter.api.Test;

class UserFlagsTest {

  @Test
  void aFlagTheApiSetIsReadAsIs() {
    UserModel user = new UserModel().isActive(true).isLocked(true).isMfaEnabled(false);

    assertThat(UserFlags.isActive(user)).isTrue();
    assertThat(UserFlags.isLocked(user)).isTrue();
    assertThat(UserFlags.isMfaEnabled(user)).isFalse();
  }

  @Test
  void aFlagTheApiOmittedIsFalse() {
    UserModel user = new UserModel();

    assertThat(UserFlags.isActive(user)).isFalse();
    assertThat(UserFlags.isLocked(user)).isFalse();
    assertThat(UserFlags.isMfaEnabled(user)).isFalse();
    assertThat(user.getIsActive()).as("the getter still tells 'not said' apart").isNull();
  }

  @Test
  void noUserIsAValidationError() {
    assertThatThrownBy(() -> UserFlags.isLocked(null))
        .isInstanceOfSatisfying(
            SumoValidationException.class, e -> assertThat(e.getMessage()).contains("user"));
  }
}
