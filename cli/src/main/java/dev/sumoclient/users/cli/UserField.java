package dev.sumoclient.users.cli;

import dev.sumoclient.users.generated.model.UserModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A column of user output, named as in the API's JSON. */
enum UserField {
  id(UserModel::getId),
  email(UserModel::getEmail),
  firstName(UserModel::getFirstName),
  lastName(UserModel::getLastName),
  roleIds(UserModel::getRoleIds),
  isActive(UserModel::getIsActive),
  isLocked(UserModel::getIsLocked),
  isMfaEnabled(UserModel::getIsMfaEnabled),
  lastLoginTimestamp(UserModel::getLastLoginTimestamp),
  createdAt(UserModel::getCreatedAt),
  createdBy(UserModel::getCreatedBy),
  modifiedAt(UserModel::getModifiedAt),
  modifiedBy(UserModel::getModifiedBy);

  static final List<UserField> TABLE_DEFAULT =
      List.of(id, email, firstName, lastName, isActive, isLocked, isMfaEnabled, lastLoginTimestamp);

  private final Function<UserModel, @Nullable Object> getter;

  UserField(Function<UserModel, @Nullable Object> getter) {
    this.getter = getter;
  }

  @Nullable Object value(UserModel user) {
    return getter.apply(user);
  }

  /** The value as text: lists joined with ';', absent values empty. */
  String text(UserModel user) {
    Object value = value(user);
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }
    return String.valueOf(value);
  }

  /** Parses a --fields list, naming the unknown field and the known ones. */
  static List<UserField> parse(String list) {
    List<UserField> fields =
        Arrays.stream(list.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(UserField::named)
            .toList();
    if (fields.isEmpty()) {
      throw CliException.usage("--fields must name at least one field");
    }
    return fields;
  }

  private static UserField named(String name) {
    for (UserField f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw CliException.usage(
        "--fields: unknown field '"
            + name
            + "'; known: "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(",")));
  }
}
