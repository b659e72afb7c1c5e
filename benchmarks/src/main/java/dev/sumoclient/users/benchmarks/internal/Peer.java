package dev.sumoclient.users.benchmarks.internal;

import java.util.List;

/**
 * A client a team could generate itself from Sumo's published description with OpenAPI Generator,
 * used the way its generated code and README suggest, with no layer of ours around it.
 *
 * <p>Implementations live in {@code internal.peers} and compile only when the build found the
 * upstream description (the {@code generated-peers} profile); {@link Peers} loads them by name.
 */
public interface Peer extends AutoCloseable {
  /**
   * Returns the name shown in reports.
   *
   * @return the name
   */
  String name();

  /**
   * Fetches one user.
   *
   * @param id the user id
   * @return the peer's own user model
   */
  Object getUser(String id) throws Exception;

  /**
   * Fetches the first page of users.
   *
   * @param limit the page size
   * @return the peer's own page model
   */
  Object firstPage(int limit) throws Exception;

  /**
   * Iterates every user with the token loop a user of this client has to write.
   *
   * @param limit the page size
   * @param sink receives each user's id and email
   * @return how many users were seen
   */
  long forEachUser(int limit, UserSink sink) throws Exception;

  /**
   * Updates one user as a user of this client would, once, with no retry of its own.
   *
   * @param id the user id
   * @param firstName the first name to set
   * @param lastName the last name to set
   * @param roleIds the role ids to set
   */
  void updateUser(String id, String firstName, String lastName, List<String> roleIds)
      throws Exception;

  /**
   * Returns the HTTP status carried by an exception this peer threw, or -1 when none.
   *
   * @param failure what a call threw
   * @return the status, or -1
   */
  int statusOf(Exception failure);

  @Override
  void close();

  /** Receives one user of an iteration. */
  @FunctionalInterface
  interface UserSink {
    /**
     * Takes one user.
     *
     * @param id the user's id
     * @param email the user's email
     */
    void accept(String id, String email);
  }
}
