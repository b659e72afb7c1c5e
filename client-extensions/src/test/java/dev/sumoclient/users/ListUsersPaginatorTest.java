package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.generated.model.UserModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ListUsersPaginatorTest {
  private final List<Optional<String>> requestedTokens = new CopyOnWriteArrayList<>();

  /** A fetcher serving pages keyed by token (the first page under the empty key). */
  private Function<ListUsersRequest, UserPage> pages(Map<String, UserPage> byToken) {
    return request -> {
      requestedTokens.add(request.startToken());
      UserPage page = byToken.get(request.startToken().orElse(""));
      if (page == null) {
        throw new AssertionError("unexpected token " + request.startToken());
      }
      return page;
    };
  }

  private static UserPage page(@Nullable String next, String... ids) {
    List<UserModel> users = new ArrayList<>();
    for (String id : ids) {
      users.add(new UserModel().id(id));
    }
    return new UserPage(users, next);
  }

  private static List<String> ids(Iterable<UserModel> users) {
    List<String> ids = new ArrayList<>();
    users.forEach(u -> ids.add(u.getId()));
    return ids;
  }

  @Test
  void iteratesEveryPageInOrder() {
    ListUsersPaginator paginator =
        new ListUsersPaginator(
            ListUsersRequest.builder().build(),
            pages(Map.of("", page("t1", "a", "b"), "t1", page("t2", "c"), "t2", page(null, "d"))));
    assertThat(ids(paginator)).containsExactly("a", "b", "c", "d");
    assertThat(paginator.stream().map(UserModel::getId)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void nothingIsFetchedUntilIterated() {
    ListUsersPaginator paginator =
        new ListUsersPaginator(ListUsersRequest.builder().build(), pages(Map.of("", page(null))));
    assertThat(requestedTokens).isEmpty();
    assertThat(paginator.iterator().hasNext()).isFalse();
    assertThat(requestedTokens).hasSize(1);
  }

  @Test
  void emptyPagesWithATokenAreSkippedNotTakenAsTheEnd() {
    ListUsersPaginator paginator =
        new ListUsersPaginator(
            ListUsersRequest.builder().build(),
            pages(
                Map.of(
                    "", page("t1"),
                    "t1", page("t2"),
                    "t2", page("t3", "a"),
                    "t3", page(null))));
    assertThat(ids(paginator)).containsExactly("a");
  }

  @Test
  void aRepeatedTokenStopsWithAClearException() {
    ListUsersPaginator paginator =
        new ListUsersPaginator(
            ListUsersRequest.builder().build(),
            pages(Map.of("", page("t1", "a"), "t1", page("t2", "b"), "t2", page("t1", "c"))));
    assertThatThrownBy(() -> ids(paginator))
        .isInstanceOf(SumoPaginationException.class)
        .hasMessageContaining("'t1'")
        .hasMessageContaining("second time");
  }

  @Test
  void aTokenPointingToItselfStopsToo() {
    ListUsersPaginator paginator =
        new ListUsersPaginator(
            ListUsersRequest.builder().startToken("s").build(), pages(Map.of("s", page("s", "a"))));
    assertThatThrownBy(() -> ids(paginator)).isInstanceOf(SumoPaginationException.class);
  }

  @Test
  void eachIteratorStartsAfreshWithItsOwnState() {
    ListUsersPaginator paginator =
        new ListUsersPaginator(
            ListUsersRequest.builder().build(),
            pages(Map.of("", page("t1", "a"), "t1", page(null, "b"))));
    Iterator<UserModel> first = paginator.iterator();
    assertThat(first.next().getId()).isEqualTo("a");
    Iterator<UserModel> second = paginator.iterator();
    assertThat(second.next().getId()).isEqualTo("a");
    assertThat(first.next().getId()).isEqualTo("b");
    assertThat(second.next().getId()).isEqualTo("b");
    assertThat(first.hasNext()).isFalse();
    assertThat(ids(paginator)).containsExactly("a", "b");
  }

  @Test
  void pagesExposeTokensAndAListingResumesFromASavedOne() {
    Map<String, UserPage> server =
        Map.of("", page("t1", "a"), "t1", page("t2", "b"), "t2", page(null, "c"));
    ListUsersPaginator paginator =
        new ListUsersPaginator(ListUsersRequest.builder().limit(1).build(), pages(server));
    Iterator<UserPage> pages = paginator.pages().iterator();
    UserPage first = pages.next();
    assertThat(first.users()).extracting(UserModel::getId).containsExactly("a");
    String saved = first.nextToken().orElseThrow();
    assertThat(saved).isEqualTo("t1");

    ListUsersPaginator resumed =
        new ListUsersPaginator(
            ListUsersRequest.builder().limit(1).startToken(saved).build(), pages(server));
    assertThat(ids(resumed)).containsExactly("b", "c");
    assertThat(requestedTokens.get(requestedTokens.size() - 1)).contains("t2");
  }
}
