import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachReports
import ReachTestSupport
import Testing
@testable import ReachCLI

/// Issue 16, output half: names chosen by an attacker (`Fixtures/hostile/names.yaml`: ESC/BEL
/// sequences, newlines, NUL, C1 and bidi controls, spreadsheet formulas, HTML, quotes, pipes,
/// Graphviz escapes and entities) through every command and format: no raw control character
/// in text, JSON that parses, well-formed SVG and HTML, DOT that Graphviz renders; megabyte
/// names and 2,000-hop diagrams within budgets; write failures and filter typos exit 2.
@Suite struct HostileOutputTests {
    static let input = TestPaths.fixture("hostile")
    static let mallory = "User:mallory\u{1B}[2K\rUser:nobody"

    static func run(_ args: [String]) -> (String, Int32) { CLITests.run(args) }

    /// Scalars a terminal would interpret (everything ``SafeText/isTerminalUnsafe(_:)`` flags but LF).
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && SafeText.isTerminalUnsafe($0) }.map { "U+" + String($0.value, radix: 16) }
    }

    static func xmlProblem(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse() ? nil : "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)"
    }

    static let textCommands: [[String]] = [
        ["inventory"],
        ["who-can", "get", "secrets", "-n", "prod"],
        ["who-can", "get", "secrets", "-n", "prod", "--transitive"],
        ["can-i", "create", "pods/exec", "-n", "prod", "--as", mallory],
        ["access", mallory],
        ["paths", "--to-admin"],
        ["paths", "--from", mallory, "--to", "get secrets -n prod"],
        ["audit"],
        ["audit", "--least-privilege"],
        ["reach", "--lint"],
    ]

    @Test(arguments: textCommands)
    func textHasNoRawControlCharacters(command: [String]) {
        let (out, code) = Self.run(command + ["-f", Self.input])
        #expect(code == 0, "\(out)")
        #expect(Self.rawControls(out).isEmpty, "\(Self.rawControls(out))")
    }

    @Test func whoCanShowsEveryHostileSubjectOnOneVisibleLine() {
        let (out, _) = Self.run(["who-can", "get", "secrets", "-n", "prod", "-f", Self.input])
        let lines = out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(#"User:mallory\x1b[2K\rUser:nobody "#) })
        #expect(lines.contains { $0.hasPrefix(#"Group:ops\nGroup:"auditors"|x "#) })
        #expect(lines.contains { $0.contains(#"ClusterRoleBinding/evil\x1b]0;pwned\x07<script>"#) })
        #expect(lines.contains { $0.hasPrefix(#"User:-2+3\t\x00nul "#) })
        #expect(out.contains(#"\u{202e}gnp.exe \\N\\G"#))
    }

    static let jsonCommands: [[String]] = [
        ["inventory", "-o", "json"],
        ["who-can", "get", "secrets", "-n", "prod", "-o", "json"],
        ["who-can", "get", "secrets", "-n", "prod", "--transitive", "-o", "json"],
        ["can-i", "create", "pods/exec", "-n", "prod", "--as", mallory, "-o", "json"],
        ["access", mallory, "-o", "json"],
        ["paths", "--to-admin", "-o", "json"],
        ["audit", "--least-privilege", "-o", "json"],
        ["audit", "--least-privilege", "-o", "sarif"],
        ["reach", "--lint", "-o", "json"],
    ]

    @Test(arguments: jsonCommands)
    func jsonParsesAndKeepsTheExactNamesEscaped(command: [String]) throws {
        let (out, code) = Self.run(command + ["-f", Self.input])
        #expect(code == 0, "\(out)")
        #expect(Self.rawControls(out).isEmpty, "\(Self.rawControls(out))")
        _ = try JSONSerialization.jsonObject(with: Data(out.utf8))
        if command.contains("who-can") && !command.contains("--transitive") {
            #expect(out.contains(#""User:mallory\u001b[2K\rUser:nobody""#))
            #expect(out.contains(#"\u202egnp.exe"#) && out.contains(#"\u009b2J"#))
        }
    }

    static let graphCommands: [[String]] = [
        ["render", "rbac"],
        ["render", "reach"],
        ["render", "attack", "--to-admin"],
        ["render", "attack", "--from", mallory, "--to", "get secrets -n prod"],
        ["paths", "--to-admin"],
        ["who-can", "get", "secrets", "-n", "prod", "--transitive"],
        ["access", mallory],
        ["reach"],
    ]

    @Test(arguments: graphCommands)
    func svgIsWellFormedAndDotHasNoRawControls(command: [String]) {
        let (svg, code) = Self.run(command + ["-f", Self.input, "-o", "svg"])
        #expect(code == 0, "\(svg.prefix(500))")
        #expect(svg.contains("<svg"))
        #expect(Self.xmlProblem(svg) == nil, "\(Self.xmlProblem(svg) ?? "")")
        #expect(Self.rawControls(svg).isEmpty, "\(Self.rawControls(svg))")
        let (dot, dotCode) = Self.run(command + ["-f", Self.input, "-o", "dot"])
        #expect(dotCode == 0)
        #expect(Self.rawControls(dot).isEmpty, "\(Self.rawControls(dot))")
    }

    /// `report --html FILE` (read back) or a command printing HTML.
    static func html(_ command: [String]) throws -> (String, Int32) {
        guard command.first == "report" else { return Self.run(command) }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.html")
        let (_, code) = Self.run(command + ["--html", file.path])
        return (try String(contentsOf: file, encoding: .utf8), code)
    }

    @Test(arguments: [["report"], ["audit", "--least-privilege", "-o", "html"]])
    func htmlIsWellFormedWithoutMarkupFromNames(command: [String]) throws {
        let (html, code) = try Self.html(command + ["-f", Self.input])
        #expect(code == 0)
        #expect(Self.xmlProblem(html) == nil, "\(Self.xmlProblem(html) ?? "")")
        #expect(Self.rawControls(html).isEmpty, "\(Self.rawControls(html))")
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// The connection lists (text, Markdown, CSV) escape hostile names.
    @Test func reachConnectionFormatsAreSafe() throws {
        let (text, _) = Self.run(["reach", "-f", Self.input])
        #expect(Self.rawControls(text).isEmpty)
        let (md, _) = Self.run(["reach", "-o", "md", "-f", Self.input])
        #expect(Self.rawControls(md).isEmpty)
        #expect(!md.contains("<b>"))
        let (csv, _) = Self.run(["reach", "-o", "csv", "-f", Self.input])
        #expect(Self.rawControls(csv.replacingOccurrences(of: "\r", with: "")).isEmpty)
        let rows = Self.parseCSV(csv)
        #expect(rows.allSatisfy { $0.count == 3 })
        #expect(rows.contains { $0[0] == #"prod/web\x1b[31m"# })
    }

    /// RFC 4180 records (quoted fields with doubled quotes and embedded CR/LF).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { chars.removeFirst(); field += "\"" } else { quoted = false } }
                else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else if c != "\r" { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func csvFieldsRoundTripThroughAnRFC4180Parser() {
        let values = ["plain", "a,b", "say \"hi\"", "two\nlines", "=cmd|' /C calc'!A0", "-", "@x", "esc\u{1B}[2J"]
        let line = values.map(SafeText.csvField).joined(separator: ",") + "\n"
        let parsed = Self.parseCSV(line)
        #expect(parsed == [["plain", "a,b", "say \"hi\"", "two\nlines", "'=cmd|' /C calc'!A0", "-", "'@x", #"esc\x1b[2J"#]])
    }

    // MARK: Budgets

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func megabyteNamesAreTruncatedBeforeGraphviz() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = String(repeating: "x", count: 1 << 20)
        let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r\(name)}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b\(name)}
        subjects: [{kind: User, name: u\(name), apiGroup: rbac.authorization.k8s.io}]
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r\(name)}
        """
        let file = dir.appendingPathComponent("huge.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let (svg, code) = Self.run(["render", "rbac", "-f", file.path, "-o", "svg"])
        #expect(code == 0)
        #expect(Self.xmlProblem(svg) == nil)
        #expect(svg.utf8.count < 100_000)
        let (dot, _) = Self.run(["render", "rbac", "-f", file.path, "-o", "dot"])
        #expect(dot.contains("x…"))
        #expect(dot.split(separator: "\n").allSatisfy { $0.utf8.count < 4 * DotGraph.maxValueBytes })
        let (html, reportCode) = try Self.html(["report", "-f", file.path])
        #expect(reportCode == 0)
        #expect(Self.xmlProblem(html) == nil)
    }

    static func chain(hops: Int, paths: Int = 1) -> String {
        let list = (0..<paths).map { p in
            "[" + (0..<hops).map { i in
                #"{"from": "ServiceAccount:ns\#(p)/sa\#(i)", "to": "ServiceAccount:ns\#(p)/sa\#(i + 1)", "techniqueID": "E1", "#
                    + #""techniqueName": "create pods", "permission": "create pods -n ns\#(p)"}"#
            }.joined(separator: ",") + "]"
        }
        return #"{"goal": "cluster-admin", "title": "chain", "paths": [\#(list.joined(separator: ","))]}"#
    }

    @Test func attackDiagramsHonourTheNodeBudget() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = dir.appendingPathComponent("chain.json")
        try Self.chain(hops: 2000).write(to: long, atomically: true, encoding: .utf8)
        let (dot, code) = Self.run(["render", "attack", "--diagram", long.path, "-o", "dot", "--max-nodes", "50"])
        #expect(code == 0)
        let nodes = dot.split(separator: "\n").filter { $0.hasSuffix("];") && !$0.contains(" -> ") && $0.hasPrefix("  \"") }
        #expect(nodes.count == 51)  // 50 states + the legend
        #expect(dot.contains("1953 steps not drawn (path 1)"))
        #expect(dot.contains("1953 steps of long paths not drawn (node budget 50)"))
        let start = Date()
        let (svg, svgCode) = Self.run(["render", "attack", "--diagram", long.path, "-o", "svg", "--max-nodes", "50"])
        #expect(svgCode == 0 && svg.contains("<svg"))
        #expect(Date().timeIntervalSince(start) < 30)

        let many = dir.appendingPathComponent("many.json")
        try Self.chain(hops: 9, paths: 30).write(to: many, atomically: true, encoding: .utf8)
        let (manyDot, _) = Self.run(["render", "attack", "--diagram", many.path, "-o", "dot", "--max-nodes", "40"])
        #expect(manyDot.contains("paths not drawn (node budget 40)"))
        let drawn = manyDot.split(separator: "\n").filter { $0.hasSuffix("];") && !$0.contains(" -> ") && $0.hasPrefix("  \"") }
        #expect(drawn.count <= 41)
    }

    // MARK: Exit codes

    @Test func writeFailuresAreReportedNotTrapped() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let stream = StandardStream(fd: fd, name: "standard output")
        stream.write(String(repeating: "x", count: 100_000))
        stream.write("more")
        #expect(stream.failureMessage == "cannot write to standard output: No space left on device")
    }

    @Test func outputFileFailuresExitTwo() {
        let missing = "/nonexistent-kube-reach-dir/out"
        let (rbac, rbacCode) = Self.run(["render", "rbac", "-f", TestPaths.fixture("example"), "-o", "dot", "--out-file", missing + ".dot"])
        #expect(rbacCode == 2)
        #expect(rbac.contains("Error: cannot write \(missing).dot"))
        let (_, reportCode) = Self.run(["report", "-f", TestPaths.fixture("example"), "--html", missing + ".html"])
        #expect(reportCode == 2)
    }

    @Test(arguments: [
        (["--from", "prod/apj"], "--from 'prod/apj' matches no pod or workload; did you mean 'prod/api'?"),
        (["--to", "prod/postgress"], "--to 'prod/postgress' matches no pod or workload; did you mean 'prod/postgres'?"),
        (["--from", "prd/*"], "--from 'prd/*' matches no pod or workload (namespace 'prd' has none; did you mean 'prod/*'?)"),
        (["--from-selector", "prod/app=nope"], "--from-selector 'prod/app=nope' matches no pod or workload"),
        (["--to-selector", "prd/app=api"], "--to-selector 'prd/app=api' matches no pod or workload (namespace 'prd' has none; did you mean 'prod'?)"),
    ])
    func reachFiltersMatchingNothingAreErrors(filter: [String], message: String) {
        let (out, code) = Self.run(["reach", "-f", TestPaths.fixture("example")] + filter)
        #expect(code == 2)
        #expect(out.contains("Error: " + message), "\(out)")
        #expect(!out.contains("No allowed connections"))
    }
}
