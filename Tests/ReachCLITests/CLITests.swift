import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// CLI behaviour: goldens for `--help` and `inventory` on the bundled example, exit codes.
@Suite struct CLITests {
    /// Output with the machine-specific package path removed.
    static func run(_ args: [String]) -> (String, Int32) {
        let (out, code) = KubeReach.execute(args)
        return (out.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: ""), code)
    }

    @Test(arguments: ["kube-reach", "inventory"])
    func helpIsStable(command: String) {
        let help = command == "kube-reach"
            ? KubeReach.helpMessage(columns: 100)
            : KubeReach.helpMessage(for: InventoryCommand.self, columns: 100)
        #expect(Golden.check(help + "\n", against: "cli/expected/help-\(command).txt") == nil)
    }

    @Test(arguments: ["text", "json"])
    func inventoryOfTheBundledExample(format: String) {
        let (out, code) = Self.run(["inventory", "-f", TestPaths.fixture("example"), "--output", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "cli/expected/inventory-example.\(format == "text" ? "txt" : "json")") == nil)
    }

    @Test func inventoryOfInvalidInputExitsTwoAndNamesFileDocumentLine() {
        let (out, code) = Self.run(["inventory", "-f", TestPaths.fixture("invalid")])
        #expect(code == 2)
        #expect(Golden.check(out, against: "cli/expected/inventory-invalid.txt") == nil)
    }

    @Test func outputIsByteIdenticalAcrossRuns() {
        let a = Self.run(["inventory", "-f", TestPaths.fixture("example"), "-o", "json"]).0
        let b = Self.run(["inventory", "-f", TestPaths.fixture("example"), "-o", "json"]).0
        #expect(a == b)
    }

    @Test func usageErrorsExitTwo() {
        #expect(Self.run(["inventory"]).1 == 2)
        #expect(Self.run(["inventory", "-f", "x", "--output", "xml"]).1 == 2)
        #expect(Self.run(["no-such-command"]).1 == 2)
    }
}

/// `kube-reach reach` on the bundled example: goldens per format, explain, lint, usage errors.
@Suite struct ReachCLITests {
    @Test(arguments: [("text", "txt"), ("json", "json"), ("csv", "csv"), ("md", "md")])
    func reachOfTheBundledExample(format: String, ext: String) {
        let (out, code) = CLITests.run(["reach", "-f", TestPaths.fixture("example"), "-o", format])
        #expect(code == 0)
        #expect(Golden.check(out, against: "cli/expected/reach-example.\(ext)") == nil)
    }

    @Test func explainAndLintGoldens() {
        let explain = CLITests.run(["reach", "-f", TestPaths.fixture("example"), "--explain", "dev/debug", "prod/postgres"])
        #expect(explain.1 == 0)
        #expect(Golden.check(explain.0, against: "cli/expected/reach-explain-example.txt") == nil)
        let lint = CLITests.run(["reach", "-f", TestPaths.fixture("example"), "--lint", "-o", "json"])
        #expect(lint.1 == 0)
        #expect(Golden.check(lint.0, against: "cli/expected/reach-lint-example.json") == nil)
    }

    /// `--fail-on` turns lint findings into exit code 1 at or above the severity (the example has
    /// warnings and infos, no errors); it only applies to --lint.
    @Test func lintFailOn() throws {
        let input = TestPaths.fixture("example")
        let lint = CLITests.run(["reach", "-f", input, "--lint", "-o", "json"]).0
        let doc = try JSONSerialization.jsonObject(with: Data(lint.utf8))
        let text = "\(doc)"
        #expect(text.contains("warning") && !text.contains("severity = error"))
        #expect(CLITests.run(["reach", "-f", input, "--lint", "--fail-on", "warning"]).1 == 1)
        #expect(CLITests.run(["reach", "-f", input, "--lint", "--fail-on", "info"]).1 == 1)
        #expect(CLITests.run(["reach", "-f", input, "--lint", "--fail-on", "error"]).1 == 0)
        #expect(CLITests.run(["reach", "-f", input, "--fail-on", "error"]).1 == 2)
    }

    @Test func reachHelpIsStable() {
        #expect(Golden.check(KubeReach.helpMessage(for: ReachCommand.self, columns: 100) + "\n",
                             against: "cli/expected/help-reach.txt") == nil)
    }

    @Test func reachUsageErrorsExitTwo() {
        let f = TestPaths.fixture("example")
        #expect(CLITests.run(["reach", "-f", f, "--probes", "TCP/x"]).1 == 2)
        #expect(CLITests.run(["reach", "-f", f, "--explain", "dev/debug"]).1 == 2)
        #expect(CLITests.run(["reach", "-f", f, "--explain", "dev/nope", "prod/api"]).1 == 2)
    }

    @Test func selectorFiltersKeepMatchingPods() {
        let (out, code) = CLITests.run(["reach", "-f", TestPaths.fixture("netpol/named-ports/input"), "--from-selector", "n/tier=client",
                                        "--expand"])
        #expect(code == 0)
        #expect(out.hasPrefix("n/client => n/s1 : TCP 8080\nn/client => n/s2 : TCP 9090\n"))
        #expect(CLITests.run(["reach", "-f", TestPaths.fixture("example"), "--from-selector", "bad"]).1 == 2)
    }

    @Test func probesAndFiltersRestrictTheJSON() {
        let (out, _) = CLITests.run(["reach", "-f", TestPaths.fixture("example"), "--probes", "TCP/5432", "--from", "prod/api", "-o", "json"])
        #expect(out.contains("\"prod/api[Deployment]->prod/postgres[StatefulSet]\""))
        #expect(!out.contains("dev/debug->dev/debug"))
    }
}
