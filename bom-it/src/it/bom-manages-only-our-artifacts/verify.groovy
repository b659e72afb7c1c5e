// The build must fail for exactly one reason: Jackson has no version, while our own artifact does.
def log = new File(basedir, 'build.log').text
assert log.contains("'dependencies.dependency.version' for com.fasterxml.jackson.core:jackson-databind:jar is missing")
assert !log.contains("sumo-users-generated-client:jar is missing")
assert !log.contains("Non-resolvable import POM")
