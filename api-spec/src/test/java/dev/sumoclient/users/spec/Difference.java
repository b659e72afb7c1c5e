package dev.sumoclient.users.spec;

/**
 * One fact on which the upstream description and ours disagree.
 *
 * @param where the fact, e.g. {@code schema UserModel › property id › type}
 * @param upstream the upstream value, or {@link DescriptionFacts#ABSENT}
 * @param ours our value, or {@link DescriptionFacts#ABSENT}
 */
record Difference(String where, String upstream, String ours) {

  @Override
  public String toString() {
    return where + ": upstream " + upstream + ", ours " + ours;
  }
}
