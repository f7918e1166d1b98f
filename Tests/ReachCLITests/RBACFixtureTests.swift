import Foundation
import ReachTestSupport
import ArgumentParser
import Testing
@testable import ReachCLI

/// Goldens of the RBAC commands on `Fixtures/rbac/<case>/`: each line of `commands.txt` is
/// `expected-file | arguments`; the test runs the arguments with `-f <case>/input` appended and
/// compares the output (package path stripped) to `expected/<expected-file>`.
@Suite struct RBACFixtureTests {
    static let cases = ["basics", "aggregation"]

    struct Command: Sendable, CustomStringConvertible {
        var fixture: String
        var expected: String
        var arguments: [String]
        var description: String { "\(fixture)/\(expected)" }
    }

    static let commands: [Command] = cases.flatMap { name -> [Command] in
        let dir = TestPaths.fixtures.appendingPathComponent("rbac/\(name)")
        let text = (try? String(contentsOf: dir.appendingPathComponent("commands.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let bar = line.firstIndex(of: "|") else { return nil }
            let expected = line[..<bar].trimmingCharacters(in: .whitespaces)
            var args = line[line.index(after: bar)...].split(separator: " ").map(String.init)
            args = args.map { $0 == "queries.json" ? dir.appendingPathComponent("queries.json").path : $0 }
            return Command(fixture: name, expected: expected, arguments: args + ["-f", dir.appendingPathComponent("input").path])
        }
    }

    @Test func everyFixtureHasCommands() {
        for name in Self.cases { #expect(Self.commands.contains { $0.fixture == name }, "\(name) has no commands.txt") }
    }

    @Test(arguments: commands)
    func golden(_ command: Command) {
        let (out, code) = CLITests.run(command.arguments)
        #expect(code == 0, "\(command.arguments)")
        #expect(Golden.check(out, against: "rbac/\(command.fixture)/expected/\(command.expected)") == nil)
    }

    @Test(arguments: ["can-i", "who-can", "access", "query"])
    func helpIsStable(command: String) {
        let types: [String: ParsableCommand.Type] = ["can-i": CanICommand.self, "who-can": WhoCanCommand.self,
                                                      "access": AccessCommand.self, "query": QueryCommand.self]
        guard let type = types[command] else { return }
        let help = KubeReach.helpMessage(for: type, columns: 100)
        #expect(Golden.check(help + "\n", against: "cli/expected/help-\(command).txt") == nil)
    }

    @Test func queryErrorsExitTwo() {
        let input = TestPaths.fixture("rbac/basics/input")
        #expect(CLITests.run(["query", "--queries", "/no/such/file.json", "-f", input]).1 == 2)
        #expect(CLITests.run(["can-i", "get", "pods", "--as", "alice", "-f", input]).1 == 2)
        #expect(CLITests.run(["can-i", "get", "pods", "--as", "Group:g", "-f", input]).1 == 2)
        #expect(CLITests.run(["who-can", "get", "-f", input]).1 == 2)
        #expect(CLITests.run(["who-can", "get", "pods", "--non-resource-url", "/x", "-f", input]).1 == 2)
        #expect(CLITests.run(["who-can", "get", "pods", "-f", TestPaths.fixture("invalid")]).1 == 2)
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ("{\"checks\": {}}", "checks: expected an array"),
        ("{\"checks\": [{\"user\": \"a\", \"groups\": \"g\", \"verb\": \"get\"}]}", "checks[0].groups: expected an array of strings"),
        ("{\"whoCan\": [{\"resource\": \"pods\"}]}", "whoCan[0].verb: required field is missing"),
        ("{\"whoCan\": [{\"verb\": 1}]}", "whoCan[0].verb: expected a string"),
    ])
    func malformedQueriesExitTwoWithALocatedMessage(text: String, message: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-q-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let (out, code) = CLITests.run(["query", "--queries", url.path, "-f", TestPaths.fixture("rbac/basics/input")])
        #expect(code == 2)
        #expect(out.contains(message), "\(out)")
    }

    @Test func emptyQueryDocumentIsAnsweredAsIs() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-q-\(UUID().uuidString).json")
        try "{\"checks\": [], \"extra\": 1}".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let (out, code) = CLITests.run(["query", "--queries", url.path, "-f", TestPaths.fixture("rbac/basics/input"), "-o", "json"])
        #expect(code == 0)
        #expect(out == "{\n  \"checks\" : [\n\n  ],\n  \"extra\" : 1\n}\n")
    }
}
