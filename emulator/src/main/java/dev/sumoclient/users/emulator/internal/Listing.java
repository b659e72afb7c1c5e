package dev.sumoclient.users.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * {@code listUsers}: filtering, sorting and keyset pagination.
 *
 * <p>A continuation token remembers the sort, the filter and the sort key and creation sequence of
 * the last user returned, not an offset: users created or deleted between pages never make the next
 * page skip or repeat someone who was there all along. Tokens are base64url JSON and carry no
 * meaning for clients.
 */
final class Listing {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final List<String> SORT_FIELDS = List.of("firstName", "lastName", "email");

  private record Cursor(String key, long sequence) {}

  private Listing() {}

  static byte[] page(UserStore store, Map<String, List<String>> query) {
    int limit = limit(first(query, "limit"));
    String sortBy = first(query, "sortBy");
    String sort = sortBy == null ? "" : sortBy;
    int keyIndex = sortKeyIndex(sort);
    boolean descending = sort.startsWith("-");
    String email = first(query, "email");
    if (email != null && email.isEmpty()) {
      throw ApiException.forField(
          ErrorCode.INVALID_PARAMETER, "email", "email must not be empty when given.");
    }
    String filter = email == null ? "" : UserStore.emailKey(email);
    String token = first(query, "token");
    Cursor after = token == null ? null : decode(token, sort, filter);

    Comparator<UserStore.StoredUser> order =
        Comparator.<UserStore.StoredUser, String>comparing(u -> u.sortKeys()[keyIndex])
            .thenComparingLong(UserStore.StoredUser::sequence);
    if (descending) {
      order = order.reversed();
    }
    // A page needs only the first limit + 1 users in order (the extra one says whether a next
    // page exists): a bounded heap keeps each page O(n log limit) instead of sorting everyone.
    PriorityQueue<UserStore.StoredUser> firstInOrder =
        new PriorityQueue<>(limit + 2, order.reversed());
    for (UserStore.StoredUser user : store.snapshot()) {
      if (filter.isEmpty() || user.sortKeys()[3].equals(filter)) {
        if (after == null || isAfter(user, keyIndex, after, descending)) {
          firstInOrder.add(user);
          if (firstInOrder.size() > limit + 1) {
            firstInOrder.poll();
          }
        }
      }
    }
    List<UserStore.StoredUser> matching = new ArrayList<>(firstInOrder);
    matching.sort(order);
    List<UserStore.StoredUser> page = matching.subList(0, Math.min(limit, matching.size()));
    String next = null;
    if (matching.size() > limit) {
      UserStore.StoredUser last = page.get(page.size() - 1);
      next = encode(sort, filter, new Cursor(last.sortKeys()[keyIndex], last.sequence()));
    }
    return write(page, next);
  }

  private static boolean isAfter(
      UserStore.StoredUser user, int keyIndex, Cursor cursor, boolean descending) {
    int byKey = user.sortKeys()[keyIndex].compareTo(cursor.key());
    int comparison = byKey != 0 ? byKey : Long.compare(user.sequence(), cursor.sequence());
    return descending ? comparison < 0 : comparison > 0;
  }

  private static int limit(@Nullable String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiException.forField(
          ErrorCode.INVALID_LIMIT, "limit", "limit must be an integer from 1 to 1000, was " + raw);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.forField(
          ErrorCode.INVALID_LIMIT, "limit", "limit must be from 1 to 1000, was " + limit);
    }
    return limit;
  }

  private static int sortKeyIndex(String sort) {
    if (sort.isEmpty()) {
      return 0;
    }
    String field = sort.startsWith("-") ? sort.substring(1) : sort;
    int index = SORT_FIELDS.indexOf(field);
    if (index < 0) {
      throw ApiException.forField(
          ErrorCode.INVALID_SORT, "sortBy", ErrorCode.INVALID_SORT.message() + " Was: " + sort);
    }
    return index + 1;
  }

  private static String encode(String sort, String filter, Cursor cursor) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    array.add("u1").add(sort).add(filter).add(cursor.key()).add(cursor.sequence());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Cursor decode(String token, String sort, String filter) {
    try {
      JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
      if (node != null
          && node.isArray()
          && node.size() == 5
          && "u1".equals(node.get(0).asText())
          && node.get(4).canConvertToLong()) {
        if (!node.get(1).asText().equals(sort) || !node.get(2).asText().equals(filter)) {
          throw ApiException.forField(
              ErrorCode.INVALID_TOKEN,
              "token",
              "token belongs to a listing with another sortBy or email; repeat the first request's"
                  + " parameters.");
        }
        return new Cursor(node.get(3).asText(), node.get(4).asLong());
      }
    } catch (IllegalArgumentException | IOException e) {
      // Falls through: a token that does not decode is as invalid as one of the wrong shape.
    }
    throw ApiException.forField(
        ErrorCode.INVALID_TOKEN, "token", ErrorCode.INVALID_TOKEN.message());
  }

  private static byte[] write(List<UserStore.StoredUser> page, @Nullable String next) {
    int size = 32;
    for (UserStore.StoredUser user : page) {
      size += user.json().length + 1;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 64);
    out.writeBytes("{\"data\":[".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < page.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(page.get(i).json());
    }
    out.write(']');
    if (next != null) {
      // The token is base64url, so it needs no JSON escaping.
      out.writeBytes((",\"next\":\"" + next + "\"").getBytes(StandardCharsets.US_ASCII));
    } else {
      // As Sumo: the token "is set to null when no more pages are left".
      out.writeBytes(",\"next\":null".getBytes(StandardCharsets.US_ASCII));
    }
    out.write('}');
    return out.toByteArray();
  }

  static @Nullable String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
