// What the service ships and what its test run prints (issue 12). Every problem is reported at once.
def problems = []
def cp = new File(basedir, 'target/runtime-classpath.txt').text.trim().split(File.pathSeparator)
def jars = cp.findAll { it.endsWith('.jar') }.collect { new File(it) }
long bytes = jars.sum { it.length() }
println "Runtime classpath of a service using the client: ${jars.size()} jars, ${bytes} bytes"
jars.sort { it.name }.each { println "  ${it.name} (${it.length()})" }

// Unused by a JSON API, or shims the aligned Kotlin stdlib already contains.
['feign-form-', 'jackson-databind-nullable-', 'kotlin-stdlib-jdk7-', 'kotlin-stdlib-jdk8-', 'commons-fileupload-'].each { unused ->
  if (jars.any { it.name.startsWith(unused) }) problems << "${unused}* is back on a service's runtime classpath"
}

// Pact JVM (test scope) asks for an older Kotlin at the same depth: it must not move the service's runtime Kotlin.
def kotlin = jars.find { it.name ==~ /kotlin-stdlib-\d.*\.jar/ }
if (kotlin?.name != "kotlin-stdlib-${kotlinVersion}.jar") problems << "the service runs on ${kotlin?.name}, not Kotlin ${kotlinVersion}"

def log = new File(basedir, 'build.log').text
if (log.contains('HV000001')) problems << "Hibernate Validator's start-up INFO line reached the service's output"
if (log.contains('Thanks for using OpenAPI Generator')) problems << "OpenAPI Generator's banner"

problems.each { println "PROBLEM: $it" }
assert problems.isEmpty()
