import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// The README's `diff` example and CI recipe, checked offline: the example is what the command
/// prints; the workflow is valid YAML with the permissions its steps need, the SARIF it uploads is
/// the file the compare step writes, and every `kube-reach diff` line in it runs (paths replaced
/// by a fixture's sides) with repository-relative SARIF locations.
@Suite struct CIRecipeTests {
    static func readme() throws -> String {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The first fenced block of `language` after `heading`.
    static func block(_ text: String, after heading: String, language: String) throws -> String {
        let section = try #require(text.range(of: heading))
        let open = try #require(text.range(of: "```\(language)\n", range: section.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "\n```", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound])
    }

    @Test func exampleMatchesTheCommand() throws {
        let example = try Self.block(try Self.readme(), after: "### What a change does: `diff`", language: "console")
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let command = try #require(lines.first?.dropFirst(2)).split(separator: " ").map(String.init)
        let (out, code) = KubeReach.execute(Array(command.dropFirst()))
        #expect(code == 0)
        let shown = lines.dropFirst().prefix { $0 != "..." }
        #expect(out.hasPrefix(shown.joined(separator: "\n")), "README example differs from:\n\(out)")
    }

    static let workflow: String? = try? block(try readme(), after: "### CI recipes", language: "yaml")

    /// The workflow parsed by PyYAML, as JSON (nil when python3 or PyYAML is missing).
    static func parsed(_ yaml: String) throws -> [String: Any]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = Pipe()
        do { try process.run() } catch { return nil }
        input.fileHandleForWriting.write(Data(yaml.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    @Test func workflowHasThePermissionsAndFilesItUses() throws {
        let yaml = try #require(Self.workflow)
        guard let doc = try Self.parsed(yaml) else {
            print("skipped: parsing the README workflow needs python3 with PyYAML")
            return
        }
        let permissions = try #require(doc["permissions"] as? [String: String])
        #expect(permissions == ["contents": "read", "pull-requests": "write", "security-events": "write"])
        let job = try #require((doc["jobs"] as? [String: Any])?["diff"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.filter { $0 == "actions/checkout@v4" }.count == 3)
        #expect(uses.contains("github/codeql-action/upload-sarif@v3") && uses.contains("actions/github-script@v7"))
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
        let sarifFile = try #require((upload["with"] as? [String: Any])?["sarif_file"] as? String)
        let compare = try #require(steps.first { $0["name"] as? String == "Compare" })
        #expect((compare["run"] as? String)?.contains("-o sarif > ../\(sarifFile)") == true)
        #expect(compare["working-directory"] as? String == "head")
        let post = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/github-script") == true })
        #expect(((post["with"] as? [String: Any])?["script"] as? String)?.contains("kube-reach-diff.md") == true)
        #expect((compare["run"] as? String)?.contains("-o md > ../kube-reach-diff.md") == true)
    }

    /// Each `kube-reach diff` line of the workflow, run on a fixture (`../base/manifests` → its
    /// before side, `manifests` → its after side, given relative to the package root as CI gives
    /// them relative to `head/`).
    @Test func workflowCommandsRun() throws {
        let yaml = try #require(Self.workflow)
        let lines = yaml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix("run: ") ? String($0.dropFirst(5)) : $0 }
            .filter { $0.hasPrefix("kube-reach diff ") }
        #expect(lines.count == 3)
        let root = TestPaths.packageRoot.path + "/"
        for line in lines {
            let words = line.components(separatedBy: " > ")[0].split(separator: " ").map(String.init).dropFirst()
            let args = words.map { word -> String in
                switch word {
                case "../base/manifests": "Fixtures/diff/new-path-pod-controller/before"
                case "manifests": "Fixtures/diff/new-path-pod-controller/after"
                default: word
                }
            }
            // Relative paths as in CI when the tests run from the package root (SARIF locations are
            // then relative); absolute otherwise (locations are then file:// URIs under the root).
            let relative = FileManager.default.currentDirectoryPath + "/" == root
            let (out, code) = KubeReach.execute(relative ? Array(args) : args.map { $0.hasPrefix("Fixtures/") ? root + $0 : $0 })
            // The gate trips on this fixture's new path; the others always exit 0.
            #expect(code == (line.contains("--fail-on") ? 1 : 0), "\(line)")
            if line.contains("-o sarif") {
                let sarif = relative ? out : out.replacingOccurrences(of: "file://" + root, with: "")
                #expect(sarif.contains("\"uri\" : \"Fixtures/diff/new-path-pod-controller/after/cluster.yaml\""))
                #expect(!sarif.contains("file://"))
            }
        }
    }
}
