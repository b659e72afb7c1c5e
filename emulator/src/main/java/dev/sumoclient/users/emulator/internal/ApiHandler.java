package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.AccessKey;
import dev.sumoclient.users.emulator.EmulatedUser;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The nine operations of the User Management API, behind routing, auth, quotas and faults. */
final class ApiHandler {
  private static final String USERS = "/api/v1/users";
  private static final byte[] NO_BODY = new byte[0];

  private final UserStore store;

  /** What an operation answers: a status and a JSON body, or no body for 204. */
  record Reply(int status, byte[] body) {
    static Reply json(byte[] body) {
      return new Reply(200, body);
    }

    static Reply noContent() {
      return new Reply(204, NO_BODY);
    }
  }

  ApiHandler(UserStore store) {
    this.store = store;
  }

  /** Resolves the path and method and runs the operation for an authenticated caller. */
  Reply handle(
      String method,
      String rawPath,
      Map<String, List<String>> query,
      byte[] body,
      @Nullable String contentType,
      AccessKey caller) {
    if (!rawPath.startsWith(USERS) || (rawPath.endsWith("/") && rawPath.length() > 1)) {
      throw ApiException.of(ErrorCode.NOT_FOUND);
    }
    String rest = rawPath.substring(USERS.length());
    if (rest.isEmpty()) {
      return switch (method) {
        case "GET" -> Reply.json(Listing.page(store, query));
        case "POST" -> create(body, contentType, caller);
        default -> throw notAllowed("GET, POST");
      };
    }
    if (!rest.startsWith("/")) {
      throw ApiException.of(ErrorCode.NOT_FOUND);
    }
    String[] segments = rest.substring(1).split("/", -1);
    String id = PathCodec.decodeSegment(segments[0]);
    if (id.isEmpty()) {
      throw ApiException.of(ErrorCode.NOT_FOUND);
    }
    String action = String.join("/", List.of(segments).subList(1, segments.length));
    return switch (action) {
      case "" ->
          switch (method) {
            case "GET" -> get(id);
            case "PUT" -> update(id, body, contentType, caller);
            case "DELETE" -> delete(id, query, caller);
            default -> throw notAllowed("GET, PUT, DELETE");
          };
      case "email/requestChange" -> {
        requireMethod(method, "POST");
        yield requestChangeEmail(id, body, contentType, caller);
      }
      case "password/reset" -> {
        requireMethod(method, "POST");
        store.resetPassword(id, caller.ownerId());
        yield Reply.noContent();
      }
      case "unlock" -> {
        requireMethod(method, "POST");
        store.unlock(id, caller.ownerId());
        yield Reply.noContent();
      }
      case "mfa/disable" -> {
        requireMethod(method, "PUT");
        yield disableMfa(id, body, contentType, caller);
      }
      default -> throw ApiException.of(ErrorCode.NOT_FOUND);
    };
  }

  private Reply get(String id) {
    UserStore.StoredUser stored = store.stored(id);
    if (stored == null) {
      throw ApiException.of(ErrorCode.USER_NOT_FOUND);
    }
    return Reply.json(stored.json());
  }

  private Reply create(byte[] body, @Nullable String contentType, AccessKey caller) {
    Fields fields = Fields.of(body, contentType);
    String firstName = fields.string("firstName", 1, 128);
    String lastName = fields.string("lastName", 0, 128);
    String email = fields.email("email", 255);
    List<String> roleIds = fields.stringArray("roleIds");
    fields.check();
    EmulatedUser user = store.create(firstName, lastName, email, roleIds, caller.ownerId());
    return Reply.json(Json.user(user));
  }

  private Reply update(String id, byte[] body, @Nullable String contentType, AccessKey caller) {
    // An unknown user is a 404 even when the body is also wrong: the path is checked first.
    get(id);
    Fields fields = Fields.of(body, contentType);
    String firstName = fields.string("firstName", 1, 128);
    String lastName = fields.string("lastName", 0, 128);
    boolean active = fields.bool("isActive");
    List<String> roleIds = fields.stringArray("roleIds");
    fields.check();
    EmulatedUser user = store.update(id, firstName, lastName, active, roleIds, caller.ownerId());
    return Reply.json(Json.user(user));
  }

  private Reply delete(String id, Map<String, List<String>> query, AccessKey caller) {
    String transferTo = Listing.first(query, "transferTo");
    if (transferTo != null && transferTo.isEmpty()) {
      throw ApiException.forField(
          ErrorCode.INVALID_PARAMETER, "transferTo", "transferTo must not be empty when given.");
    }
    String deleteContent = Listing.first(query, "deleteContent");
    boolean delete = false;
    if (deleteContent != null) {
      if (deleteContent.equalsIgnoreCase("true")) {
        delete = true;
      } else if (!deleteContent.equalsIgnoreCase("false")) {
        throw ApiException.forField(
            ErrorCode.INVALID_PARAMETER,
            "deleteContent",
            "deleteContent must be true or false, was " + deleteContent);
      }
    }
    store.delete(id, transferTo, delete, caller.ownerId());
    return Reply.noContent();
  }

  private Reply requestChangeEmail(
      String id, byte[] body, @Nullable String contentType, AccessKey caller) {
    get(id);
    Fields fields = Fields.of(body, contentType);
    String email = fields.email("email", 255);
    fields.check();
    store.requestEmailChange(id, email, caller.ownerId());
    return Reply.noContent();
  }

  private Reply disableMfa(String id, byte[] body, @Nullable String contentType, AccessKey caller) {
    get(id);
    Fields fields = Fields.of(body, contentType);
    String email = fields.email("email", 255);
    String password = fields.string("password", 0, Integer.MAX_VALUE);
    fields.check();
    store.disableMfa(id, email, password, caller.ownerId());
    return Reply.noContent();
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw notAllowed(allowed);
    }
  }

  private static ApiException notAllowed(String allowed) {
    return ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, "This path accepts only " + allowed + ".")
        .withAllow(allowed);
  }
}
