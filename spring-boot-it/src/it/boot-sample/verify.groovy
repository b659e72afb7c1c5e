// Both invocations of invoker.properties ran the sample's tests, each on its own Spring Boot line.
def problems = []
['boot3', 'boot4'].each { line ->
  def reports = new File(basedir, "target/${line}/surefire-reports")
  ['example.SampleApplicationTest', 'example.StarterConditionsTest'].each { test ->
    def report = new File(reports, "TEST-${test}.xml")
    if (!report.isFile()) {
      problems << "${line}: no test report for ${test}"
      return
    }
    def suite = (report.text =~ /<testsuite [^>]*/)[0]
    def count = { name -> ((suite =~ / ${name}="(\d+)"/)[0][1]) as int }
    println "${line}: ${test}: ${count('tests')} tests, ${count('skipped')} skipped"
    if (count('tests') == 0) problems << "${line}: ${test} ran no test"
    if (count('skipped') != 0) problems << "${line}: ${test} skipped tests"
  }
}
problems.each { println "PROBLEM: $it" }
assert problems.isEmpty()
