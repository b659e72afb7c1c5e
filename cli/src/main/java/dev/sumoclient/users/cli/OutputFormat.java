package dev.sumoclient.users.cli;

/** How users are printed. */
enum OutputFormat {
  table,
  json,
  ndjson,
  csv
}
