package dev.sumoclient.users;

import dev.sumoclient.users.generated.model.UserModel;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A lazy listing of users, fetched one page at a time as it is iterated.
 *
 * <p>Only the current page is held in memory. Iterating again (each {@link #iterator()}, {@link
 * #stream()} or {@link #pages()} iteration) starts from the request's start again and shares no
 * state with other iterations. Empty pages that carry a {@code next} token are skipped; a token the
 * server already returned in this iteration stops it with a {@link SumoPaginationException}.
 */
public final class ListUsersPaginator implements Iterable<UserModel> {
  private final ListUsersRequest request;
  private final Function<ListUsersRequest, UserPage> fetcher;

  ListUsersPaginator(ListUsersRequest request, Function<ListUsersRequest, UserPage> fetcher) {
    this.request = request;
    this.fetcher = fetcher;
  }

  /**
   * Returns the request this listing starts from.
   *
   * @return the request
   */
  public ListUsersRequest request() {
    return request;
  }

  /**
   * Returns an iterator over every user, fetching pages as needed.
   *
   * @return a fresh iterator starting at the first page
   */
  @Override
  public Iterator<UserModel> iterator() {
    PageIterator pages = new PageIterator();
    return new Iterator<>() {
      private Iterator<UserModel> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = pages.next().users().iterator();
        }
        return true;
      }

      @Override
      public UserModel next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Returns a sequential stream of every user, fetching pages as it is consumed.
   *
   * @return a fresh stream starting at the first page
   */
  public Stream<UserModel> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Returns the pages themselves, for callers that want the {@code next} tokens.
   *
   * @return an iterable whose every iteration starts at the first page
   */
  public Iterable<UserPage> pages() {
    return PageIterator::new;
  }

  private final class PageIterator implements Iterator<UserPage> {
    private final Set<String> seenTokens = new HashSet<>();
    private @Nullable String token = request.startToken().orElse(null);
    private boolean started;

    PageIterator() {
      if (token != null) {
        seenTokens.add(token);
      }
    }

    @Override
    public boolean hasNext() {
      return !started || token != null;
    }

    @Override
    public UserPage next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      UserPage page = fetcher.apply(request.toBuilder().startToken(token).build());
      started = true;
      String next = page.nextToken().orElse(null);
      if (next != null && (next.equals(token) || !seenTokens.add(next))) {
        throw new SumoPaginationException(
            "The server returned the page token '"
                + next
                + "' a second time; stopping to avoid an endless listing");
      }
      token = next;
      return page;
    }
  }
}
