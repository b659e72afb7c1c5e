package dev.sumoclient.users.contract.example;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UserModel;

/**
 * Stands for code in a service that uses sumo-users-java: a billing service showing who owns an
 * invoice, by the owner's Sumo Logic user id. Its contract test is {@link
 * BillingServiceContractTest}, which the README of contract-tests shows.
 */
final class InvoiceOwnerNames {

  private final SumoUsersClient sumo;

  InvoiceOwnerNames(SumoUsersClient sumo) {
    this.sumo = sumo;
  }

  /** The owner's full name, marked when the owner's account is deactivated. */
  String displayName(String ownerId) {
    UserModel owner = sumo.getUser(ownerId);
    String name = owner.getFirstName() + " " + owner.getLastName();
    return Boolean.FALSE.equals(owner.getIsActive()) ? name + " (deactivated)" : name;
  }
}
