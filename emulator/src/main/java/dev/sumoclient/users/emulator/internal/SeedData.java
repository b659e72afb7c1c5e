package dev.sumoclient.users.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sumoclient.users.emulator.EmulatedUser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Seed users: generated from a random seed, or read from JSON. */
public final class SeedData {
  private static final String[] FIRST_NAMES = {
    "Ada", "Alan", "Barbara", "Brian", "Claude", "Dennis", "Donald", "Edsger", "Frances", "Grace",
    "Guido", "Hedy", "Ivan", "James", "John", "Ken", "Leslie", "Linus", "Margaret", "Niklaus",
    "Radia", "Richard", "Shafi", "Sophie", "Tim", "Vint", "Whitfield", "Yukihiro"
  };
  private static final String[] LAST_NAMES = {
    "Allen",
    "Backus",
    "Cerf",
    "Dijkstra",
    "Engelbart",
    "Floyd",
    "Goldwasser",
    "Hamilton",
    "Hopper",
    "Kay",
    "Knuth",
    "Lamport",
    "Liskov",
    "Lovelace",
    "McCarthy",
    "Perlman",
    "Ritchie",
    "Stroustrup",
    "Sutherland",
    "Thompson",
    "Torvalds",
    "Turing",
    "van Rossum",
    "Wirth",
    "Wilson"
  };
  private static final List<String> ROLE_IDS =
      List.of("0000000000000A01", "0000000000000A02", "0000000000000B01", "0000000000000C01");

  private SeedData() {}

  /**
   * Generates {@code count} plausible users; the same seed and clock give the same users.
   *
   * @param ids supplies the ids, so that they come from the emulator's own id space
   */
  public static List<EmulatedUser> generate(
      int count, long randomSeed, Instant now, String createdBy, Supplier<String> ids) {
    if (count < 0) {
      throw new IllegalArgumentException("seed user count: must not be negative, was " + count);
    }
    SplittableRandom random = new SplittableRandom(randomSeed ^ 0x5EEDL);
    List<EmulatedUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
      String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
      String email =
          (first + "." + last.replace(" ", "") + "." + (i + 1) + "@example.com")
              .toLowerCase(Locale.ROOT);
      List<String> roles = new ArrayList<>();
      roles.add(ROLE_IDS.get(random.nextInt(ROLE_IDS.size())));
      if (random.nextInt(4) == 0) {
        String second = ROLE_IDS.get(random.nextInt(ROLE_IDS.size()));
        if (!roles.contains(second)) {
          roles.add(second);
        }
      }
      Instant created = now.minus(Duration.ofMinutes(1 + random.nextInt(1000 * 24 * 60)));
      long sinceCreation = Duration.between(created, now).toMinutes();
      Instant modified = created.plus(Duration.ofMinutes(random.nextLong(sinceCreation + 1)));
      Instant lastLogin =
          random.nextInt(10) < 7
              ? now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)))
              : null;
      users.add(
          new EmulatedUser(
              ids.get(),
              first,
              last,
              email,
              roles,
              random.nextInt(10) != 0,
              random.nextInt(20) == 0,
              random.nextInt(10) < 3,
              lastLogin == null ? null : lastLogin.truncatedTo(ChronoUnit.MILLIS),
              created.truncatedTo(ChronoUnit.MILLIS),
              createdBy,
              modified.truncatedTo(ChronoUnit.MILLIS),
              createdBy));
    }
    return users;
  }

  /**
   * Reads users from JSON: an array of users, or a {@code listUsers} page ({@code {"data":
   * [...]}}).
   *
   * <p>Each user needs {@code firstName}, {@code lastName} and {@code email}; everything else is
   * optional ({@code id} is generated, {@code roleIds} empty, {@code isActive} true, metadata now
   * and by {@code createdBy}).
   */
  public static List<EmulatedUser> read(
      InputStream json, Instant now, String createdBy, Supplier<String> ids) throws IOException {
    JsonNode root = Json.MAPPER.readTree(json);
    JsonNode array = root != null && root.isObject() ? root.get("data") : root;
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException(
          "seed users: expected a JSON array of users or an object with a \"data\" array");
    }
    List<EmulatedUser> users = new ArrayList<>();
    int index = 0;
    for (JsonNode node : array) {
      String where = "seed users[" + index++ + "]";
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + ": must be a JSON object");
      }
      String id = optionalText(node, "id", where);
      String email = text(node, "email", where);
      if (!Fields.isEmail(email) || email.length() > 255) {
        throw new IllegalArgumentException(
            where + ".email: must be an email address of at most 255 characters, was " + email);
      }
      String firstName = text(node, "firstName", where);
      if (firstName.isEmpty() || firstName.length() > 128) {
        throw new IllegalArgumentException(where + ".firstName: must be 1 to 128 characters");
      }
      String lastName = text(node, "lastName", where);
      if (lastName.length() > 128) {
        throw new IllegalArgumentException(where + ".lastName: must be at most 128 characters");
      }
      List<String> roleIds = new ArrayList<>();
      JsonNode roles = node.get("roleIds");
      if (roles != null && !roles.isNull()) {
        if (!roles.isArray()) {
          throw new IllegalArgumentException(where + ".roleIds: must be an array of strings");
        }
        for (JsonNode role : roles) {
          if (!role.isTextual()) {
            throw new IllegalArgumentException(where + ".roleIds: must be an array of strings");
          }
          roleIds.add(role.textValue());
        }
      }
      Instant createdAt = optionalTime(node, "createdAt", where);
      Instant modifiedAt = optionalTime(node, "modifiedAt", where);
      String creator = optionalText(node, "createdBy", where);
      String modifier = optionalText(node, "modifiedBy", where);
      users.add(
          new EmulatedUser(
              id == null ? ids.get() : id,
              firstName,
              lastName,
              email,
              roleIds,
              optionalBool(node, "isActive", true, where),
              optionalBool(node, "isLocked", false, where),
              optionalBool(node, "isMfaEnabled", false, where),
              optionalTime(node, "lastLoginTimestamp", where),
              createdAt == null ? now : createdAt,
              creator == null ? createdBy : creator,
              modifiedAt == null ? (createdAt == null ? now : createdAt) : modifiedAt,
              modifier == null ? (creator == null ? createdBy : creator) : modifier));
    }
    return users;
  }

  /** A fresh 16-hex-digit id from the given random source. */
  /**
   * Checks an owner id given for an access key: 16 hex digits, returned in upper case like the
   * generated ones.
   *
   * @throws IllegalArgumentException naming the rule otherwise
   */
  public static String ownerId(String ownerId) {
    if (ownerId == null || !ownerId.matches("[0-9A-Fa-f]{16}")) {
      throw new IllegalArgumentException("owner id: must be 16 hex digits, was " + ownerId);
    }
    return ownerId.toUpperCase(java.util.Locale.ROOT);
  }

  public static String hexId(SplittableRandom random) {
    return HexFormat.of().withUpperCase().toHexDigits(random.nextLong());
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(where + "." + field + ": required, must be a string");
    }
    return value.textValue();
  }

  private static @Nullable String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException(where + "." + field + ": must be a non-blank string");
    }
    return value.textValue();
  }

  private static boolean optionalBool(JsonNode node, String field, boolean absent, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(where + "." + field + ": must be true or false");
    }
    return value.booleanValue();
  }

  private static @Nullable Instant optionalTime(JsonNode node, String field, String where) {
    String text = optionalText(node, field, where);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          where + "." + field + ": must be an RFC 3339 date-time, was " + text);
    }
  }
}
