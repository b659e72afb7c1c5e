package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.ContentTransfer;
import dev.sumoclient.users.emulator.EmailChange;
import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.PasswordReset;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's users and the records of what was done to them.
 *
 * <p>Reads go lock-free to a concurrent map of immutable snapshots, so {@code getUser} scales with
 * cores. Every change runs under one lock and replaces a whole snapshot: a change always starts
 * from the latest state, so concurrent changes to different fields of one user (an update and an
 * unlock, say) never undo each other, and email uniqueness cannot race.
 */
public final class UserStore {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final Clock clock;
  private final Object lock = new Object();
  private final ConcurrentHashMap<String, StoredUser> byId = new ConcurrentHashMap<>();
  // Guarded by lock: only changes read or write it, so no other thread sees it half-updated.
  private final HashMap<String, String> idByEmail = new HashMap<>();
  private final List<EmailChange> emailChanges = new ArrayList<>();
  private final List<ContentTransfer> contentTransfers = new ArrayList<>();
  private final List<PasswordReset> passwordResets = new ArrayList<>();
  private SplittableRandom random;
  private long nextSequence;

  /** A user plus what the transport needs fast: its JSON and its sort keys. */
  record StoredUser(EmulatedUser user, long sequence, byte[] json, String[] sortKeys) {
    static StoredUser of(EmulatedUser user, long sequence) {
      return new StoredUser(
          user,
          sequence,
          Json.user(user),
          new String[] {
            "",
            user.firstName().toLowerCase(Locale.ROOT),
            user.lastName().toLowerCase(Locale.ROOT),
            user.email().toLowerCase(Locale.ROOT)
          });
    }
  }

  /** An empty store whose timestamps come from {@code clock} and ids from {@code randomSeed}. */
  public UserStore(Clock clock, long randomSeed) {
    this.clock = clock;
    this.random = new SplittableRandom(randomSeed);
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Replaces every user and forgets every record; used at start and by reset. */
  public void replaceAll(List<EmulatedUser> users, long randomSeed) {
    synchronized (lock) {
      byId.clear();
      idByEmail.clear();
      emailChanges.clear();
      contentTransfers.clear();
      passwordResets.clear();
      random = new SplittableRandom(randomSeed);
      nextSequence = 0;
      for (EmulatedUser user : users) {
        String emailKey = emailKey(user.email());
        if (byId.containsKey(user.id())) {
          throw new IllegalArgumentException("seed users: id " + user.id() + " appears twice");
        }
        if (idByEmail.containsKey(emailKey)) {
          throw new IllegalArgumentException(
              "seed users: email " + user.email() + " appears twice");
        }
        byId.put(user.id(), StoredUser.of(user, nextSequence++));
        idByEmail.put(emailKey, user.id());
      }
    }
  }

  private String freshId() {
    String id;
    do {
      id = HEX.toHexDigits(random.nextLong());
    } while (byId.containsKey(id));
    return id;
  }

  @Nullable StoredUser stored(String id) {
    return byId.get(id);
  }

  /** The user with this id, if any. */
  public Optional<EmulatedUser> find(String id) {
    StoredUser stored = byId.get(id);
    return stored == null ? Optional.empty() : Optional.of(stored.user());
  }

  /** The user with this email address in any case, if any. */
  public Optional<EmulatedUser> findByEmail(String email) {
    synchronized (lock) {
      String id = idByEmail.get(emailKey(email));
      return id == null ? Optional.empty() : find(id);
    }
  }

  /** Every user in creation order. */
  public List<EmulatedUser> all() {
    return byId.values().stream()
        .sorted(Comparator.comparingLong(StoredUser::sequence))
        .map(StoredUser::user)
        .toList();
  }

  /** How many users there are. */
  public int size() {
    return byId.size();
  }

  List<StoredUser> snapshot() {
    return new ArrayList<>(byId.values());
  }

  EmulatedUser create(
      String firstName, String lastName, String email, List<String> roleIds, String callerId) {
    synchronized (lock) {
      String emailKey = emailKey(email);
      if (idByEmail.containsKey(emailKey)) {
        throw ApiException.forField(
            ErrorCode.EMAIL_TAKEN, "email", ErrorCode.EMAIL_TAKEN.message());
      }
      Instant now = now();
      EmulatedUser user =
          new EmulatedUser(
              freshId(), firstName, lastName, email, roleIds, true, false, false, null, now,
              callerId, now, callerId);
      byId.put(user.id(), StoredUser.of(user, nextSequence++));
      idByEmail.put(emailKey, user.id());
      return user;
    }
  }

  EmulatedUser update(
      String id,
      String firstName,
      String lastName,
      boolean active,
      List<String> roleIds,
      String callerId) {
    return change(
        id,
        user ->
            new EmulatedUser(
                user.id(),
                firstName,
                lastName,
                user.email(),
                roleIds,
                active,
                user.locked(),
                user.mfaEnabled(),
                user.lastLoginTimestamp(),
                user.createdAt(),
                user.createdBy(),
                now(),
                callerId));
  }

  void unlock(String id, String callerId) {
    change(id, user -> withFlags(user, user.active(), false, user.mfaEnabled(), now(), callerId));
  }

  void disableMfa(String id, String email, String password, String callerId) {
    synchronized (lock) {
      EmulatedUser user = require(id).user();
      if (!user.email().equalsIgnoreCase(email)) {
        throw ApiException.forField(
            ErrorCode.MFA_EMAIL_MISMATCH, "email", ErrorCode.MFA_EMAIL_MISMATCH.message());
      }
      if (password.isEmpty()) {
        throw ApiException.forField(
            ErrorCode.MFA_PASSWORD_REQUIRED, "password", ErrorCode.MFA_PASSWORD_REQUIRED.message());
      }
      change(id, u -> withFlags(u, u.active(), u.locked(), false, now(), callerId));
    }
  }

  ContentTransfer delete(
      String id, @Nullable String transferTo, boolean deleteContent, String callerId) {
    synchronized (lock) {
      EmulatedUser user = require(id).user();
      if (transferTo != null && deleteContent) {
        throw ApiException.of(ErrorCode.CONFLICTING_DELETE_OPTIONS);
      }
      if (transferTo != null && transferTo.equals(id)) {
        throw ApiException.forField(
            ErrorCode.TRANSFER_TO_SELF, "transferTo", ErrorCode.TRANSFER_TO_SELF.message());
      }
      if (transferTo != null && !byId.containsKey(transferTo)) {
        throw ApiException.forField(
            ErrorCode.TRANSFER_TARGET_NOT_FOUND,
            "transferTo",
            ErrorCode.TRANSFER_TARGET_NOT_FOUND.message());
      }
      ContentTransfer.Disposition disposition;
      String recipient;
      if (deleteContent) {
        disposition = ContentTransfer.Disposition.DELETED;
        recipient = null;
      } else if (transferTo != null) {
        disposition = ContentTransfer.Disposition.TRANSFERRED_TO_USER;
        recipient = transferTo;
      } else {
        disposition = ContentTransfer.Disposition.TRANSFERRED_TO_CALLER;
        recipient = callerId;
      }
      byId.remove(id);
      idByEmail.remove(emailKey(user.email()));
      ContentTransfer transfer =
          new ContentTransfer(id, user.email(), disposition, recipient, callerId, now());
      contentTransfers.add(transfer);
      return transfer;
    }
  }

  void requestEmailChange(String id, String newEmail, String callerId) {
    synchronized (lock) {
      EmulatedUser user = require(id).user();
      if (user.email().equalsIgnoreCase(newEmail)) {
        throw ApiException.forField(
            ErrorCode.EMAIL_UNCHANGED, "email", ErrorCode.EMAIL_UNCHANGED.message());
      }
      if (idByEmail.containsKey(emailKey(newEmail))) {
        throw ApiException.forField(
            ErrorCode.EMAIL_TAKEN, "email", ErrorCode.EMAIL_TAKEN.message());
      }
      supersedePending(id);
      emailChanges.add(
          new EmailChange(id, user.email(), newEmail, callerId, now(), EmailChange.Status.PENDING));
    }
  }

  /** Applies the user's latest pending email change, as if they followed the link. */
  public EmulatedUser confirmEmailChange(String id) {
    synchronized (lock) {
      for (int i = emailChanges.size() - 1; i >= 0; i--) {
        EmailChange change = emailChanges.get(i);
        if (change.userId().equals(id) && change.status() == EmailChange.Status.PENDING) {
          if (!byId.containsKey(id)) {
            throw new NoSuchElementException("user " + id + " no longer exists");
          }
          String newKey = emailKey(change.toEmail());
          String holder = idByEmail.get(newKey);
          if (holder != null && !holder.equals(id)) {
            throw new IllegalStateException(
                "cannot confirm: user " + holder + " took " + change.toEmail() + " meanwhile");
          }
          EmulatedUser before = require(id).user();
          EmulatedUser after =
              change(
                  id,
                  u ->
                      new EmulatedUser(
                          u.id(),
                          u.firstName(),
                          u.lastName(),
                          change.toEmail(),
                          u.roleIds(),
                          u.active(),
                          u.locked(),
                          u.mfaEnabled(),
                          u.lastLoginTimestamp(),
                          u.createdAt(),
                          u.createdBy(),
                          now(),
                          // Following the link is the user's own act.
                          u.id()));
          idByEmail.remove(emailKey(before.email()));
          idByEmail.put(newKey, id);
          emailChanges.set(i, withStatus(change, EmailChange.Status.CONFIRMED));
          return after;
        }
      }
      throw new IllegalStateException("user " + id + " has no pending email change");
    }
  }

  PasswordReset resetPassword(String id, String callerId) {
    synchronized (lock) {
      EmulatedUser user = require(id).user();
      PasswordReset reset = new PasswordReset(id, user.email(), callerId, now());
      passwordResets.add(reset);
      return reset;
    }
  }

  /** Locks the user, as too many failed sign-ins would. */
  public EmulatedUser lock(String id) {
    return changeOrThrow(
        id, u -> withFlags(u, u.active(), true, u.mfaEnabled(), u.modifiedAt(), u.modifiedBy()));
  }

  /** Turns MFA on, as the user would in their profile. */
  public EmulatedUser enableMfa(String id) {
    return changeOrThrow(
        id, u -> withFlags(u, u.active(), u.locked(), true, u.modifiedAt(), u.modifiedBy()));
  }

  /** Sets the last sign-in time to now. */
  public EmulatedUser recordSignIn(String id) {
    return changeOrThrow(
        id,
        u ->
            new EmulatedUser(
                u.id(),
                u.firstName(),
                u.lastName(),
                u.email(),
                u.roleIds(),
                u.active(),
                u.locked(),
                u.mfaEnabled(),
                now(),
                u.createdAt(),
                u.createdBy(),
                u.modifiedAt(),
                u.modifiedBy()));
  }

  /** Every email change requested, oldest first. */
  public List<EmailChange> emailChanges() {
    synchronized (lock) {
      return List.copyOf(emailChanges);
    }
  }

  /** Where each deleted user's content went, oldest first. */
  public List<ContentTransfer> contentTransfers() {
    synchronized (lock) {
      return List.copyOf(contentTransfers);
    }
  }

  /** Every password reset requested, oldest first. */
  public List<PasswordReset> passwordResets() {
    synchronized (lock) {
      return List.copyOf(passwordResets);
    }
  }

  private void supersedePending(String id) {
    for (int i = 0; i < emailChanges.size(); i++) {
      EmailChange change = emailChanges.get(i);
      if (change.userId().equals(id) && change.status() == EmailChange.Status.PENDING) {
        emailChanges.set(i, withStatus(change, EmailChange.Status.SUPERSEDED));
      }
    }
  }

  private static EmailChange withStatus(EmailChange change, EmailChange.Status status) {
    return new EmailChange(
        change.userId(),
        change.fromEmail(),
        change.toEmail(),
        change.requestedBy(),
        change.requestedAt(),
        status);
  }

  private EmulatedUser changeOrThrow(String id, UnaryOperator<EmulatedUser> edit) {
    synchronized (lock) {
      if (!byId.containsKey(id)) {
        throw new NoSuchElementException("no user has id " + id);
      }
      return change(id, edit);
    }
  }

  private EmulatedUser change(String id, UnaryOperator<EmulatedUser> edit) {
    synchronized (lock) {
      StoredUser current = require(id);
      EmulatedUser changed = edit.apply(current.user());
      byId.put(id, StoredUser.of(changed, current.sequence()));
      return changed;
    }
  }

  private StoredUser require(String id) {
    StoredUser stored = byId.get(id);
    if (stored == null) {
      throw ApiException.of(ErrorCode.USER_NOT_FOUND);
    }
    return stored;
  }

  private static EmulatedUser withFlags(
      EmulatedUser u,
      boolean active,
      boolean locked,
      boolean mfaEnabled,
      Instant modifiedAt,
      String modifiedBy) {
    return new EmulatedUser(
        u.id(),
        u.firstName(),
        u.lastName(),
        u.email(),
        u.roleIds(),
        active,
        locked,
        mfaEnabled,
        u.lastLoginTimestamp(),
        u.createdAt(),
        u.createdBy(),
        modifiedAt,
        modifiedBy);
  }

  static String emailKey(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
