package dev.sumoclient.users.cli;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.SumoUsersClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Exactly one of the three: Sumo Logic has no default for a deleted user's content. */
class ContentChoice {
  @Option(
      names = "--transfer-to",
      paramLabel = "<user>",
      required = true,
      description = "Give the content to this user (id or email).")
  @Nullable String transferTo;

  @Option(names = "--delete-content", required = true, description = "Delete the content too.")
  boolean deleteContent;

  @Option(
      names = "--transfer-to-me",
      required = true,
      description = "Give the content to the access key's owner.")
  boolean transferToMe;

  /** The disposition, looking up the heir when --transfer-to names one by email. */
  ContentDisposition disposition(SumoUsersClient client) {
    return disposition(transferTo == null ? null : UsersCommand.resolveId(client, transferTo));
  }

  /** The disposition, given the id of the --transfer-to user already looked up. */
  ContentDisposition disposition(@Nullable String heirId) {
    if (heirId != null) {
      return ContentDisposition.transferTo(heirId);
    }
    return deleteContent
        ? ContentDisposition.deleteContent()
        : ContentDisposition.transferToCaller();
  }

  String describe() {
    return transferTo != null
        ? "content transferred to " + transferTo
        : deleteContent ? "content deleted" : "content transferred to you";
  }
}
