import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// Issue 16: input that fails to load makes every command exit 2, `--fail-on` included (before: an
/// empty or unreadable path loaded "0 objects" and `audit --fail-on high` passed with 0).
@Suite struct HostileInputCLITests {
    static func emptyDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    @Test(arguments: [
        ["audit", "--fail-on", "high"], ["audit", "--least-privilege", "--fail-on", "low"], ["inventory"],
        ["who-can", "get", "secrets"], ["can-i", "get", "pods", "--as", "User:a"], ["access", "User:a"],
        ["reach"], ["paths", "--to-admin"],
    ])
    func commandsExitTwoWhenAPathYieldsNothing(command: [String]) throws {
        let dir = try Self.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (out, code) = CLITests.run(command + ["-f", dir])
        #expect(code == 2, "\(command): \(out)")
        #expect(out.contains("KR-LOAD-011") || command.first != "inventory", "\(out)")
    }

    @Test func auditFailOnDoesNotPassOnRejectedDocuments() {
        let (_, code) = CLITests.run(["audit", "--fail-on", "high", "-f", TestPaths.fixture("invalid/alias-billion-laughs.yaml")])
        #expect(code == 2)
    }

    @Test func symlinkToTheExampleDirectoryLoadsIt() throws {
        let dir = try Self.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let link = dir + "/example"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: TestPaths.fixture("example"))
        let (out, code) = CLITests.run(["inventory", "-f", link])
        #expect(code == 0, "\(out)")
        #expect(out.hasPrefix("Loaded 17 objects"), "\(out)")
    }
}
