package dev.sumoclient.users.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.pact.SumoProviderStates;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The states the fragments name are exactly the states the emulator serves. */
class ProviderStatesAgreeTest {

  @Test
  void everySumoProviderStatesConstantIsServedByTheEmulatorAndNoOther() throws Exception {
    List<String> named = new ArrayList<>();
    for (Field field : SumoProviderStates.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        named.add((String) field.get(null));
      }
    }
    assertThat(named).hasSize(7);
    assertThat(SumoEmulator.providerStates()).containsExactlyInAnyOrderElementsOf(named);
  }
}
