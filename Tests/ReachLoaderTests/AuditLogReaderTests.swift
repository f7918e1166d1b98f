import Foundation
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// The audit-log reader: the accepted formats, the fields it reads, and located diagnostics for
/// everything it skips.
@Suite struct AuditLogReaderTests {
    static let fixture = TestPaths.fixture("auditlog/audit.jsonl")

    static func event(_ fields: String, verb: String = "get", user: String = #"{"username":"u","groups":["g"]}"#) -> String {
        #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","stage":"ResponseComplete","verb":"\#(verb)","user":\#(user)\#(fields.isEmpty ? "" : ",")\#(fields)}"#
    }

    @Test func readsTheFixtureLog() throws {
        let r = AuditLogReader.load(path: Self.fixture)
        #expect(r.records == 16)
        #expect(r.events.count == 14)
        // Every event keeps its own line.
        #expect(r.events.map(\.location.line) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16])
        #expect(r.events.allSatisfy { $0.location.file == Self.fixture && $0.location.document == 1 })

        let received = r.events[0]
        #expect(received.stage == .requestReceived && received.code == nil && received.decision == nil)
        #expect(received.username == "system:serviceaccount:shop:reader")
        #expect(received.groups == ["system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated"])
        #expect(received.resource == "pods" && received.namespace == "shop" && received.name.isEmpty && received.verb == "list")

        let exec = r.events[5]
        #expect(exec.stage == .responseStarted && exec.code == 101)
        #expect((exec.resource, exec.subresource, exec.name, exec.verb) == ("pods", "exec", "web-0", "get"))

        let healthz = r.events[7]
        #expect(!healthz.isResourceRequest && healthz.nonResourceURL == "/healthz", "query string dropped")

        let denied = r.events[11]
        #expect(denied.code == 403 && denied.decision == "forbid" && denied.outcome == .denied)

        let impersonated = r.events[12]
        #expect(impersonated.username == "system:serviceaccount:shop:reader")
        #expect(impersonated.impersonator == "carol" && impersonated.impersonatorGroups == ["system:authenticated"])

        // The AKS export record: the inner event is located at its properties.log string.
        let wrapped = r.events[13]
        #expect(wrapped.subresource == "log" && wrapped.username == "alice")
        #expect(wrapped.location.line == 16 && wrapped.location.column > 1)
        #expect(wrapped.timestamp == "2026-11-20T10:04:50Z")
    }

    @Test func malformedAndForeignLinesAreLocatedWarnings() throws {
        let r = AuditLogReader.load(path: Self.fixture)
        #expect(r.diagnostics.count == 2)
        #expect(r.diagnostics.allSatisfy { $0.severity == .warning && $0.message.hasSuffix("skipped") })
        let syntax = try #require(r.diagnostics.first { $0.id == AuditLogDiagnosticID.syntax })
        #expect(syntax.location?.line == 13)
        #expect(syntax.description.hasPrefix("\(Self.fixture)#1:13:"))
        #expect(syntax.message.contains("at line 13"), "the libyaml context line is shifted to the file line")
        let foreign = try #require(r.diagnostics.first { $0.id == AuditLogDiagnosticID.notAnEvent })
        #expect(foreign.location == SourceLocation(file: Self.fixture, document: 1, line: 14, column: 1))
    }

    @Test func eventListAndArrayDocumentsKeepItemLines() throws {
        let list = """
        {
          "kind": "EventList",
          "apiVersion": "audit.k8s.io/v1",
          "items": [
            \(Self.event(#""objectRef":{"resource":"pods","namespace":"a"}"#)),
            \(Self.event(#""requestURI":"/version""#))
          ]
        }
        """
        let r = AuditLogReader.read(text: list, name: "list.json")
        #expect(r.diagnostics.isEmpty)
        #expect(r.events.map(\.location.line) == [5, 6])
        #expect(r.events.map(\.nonResourceURL) == ["", "/version"])

        let array = "[\n" + Self.event(#""objectRef":{"resource":"nodes"}"#) + ",\n" + Self.event(#""requestURI":"/healthz""#) + "\n]\n"
        let a = AuditLogReader.read(text: array, name: "a.json")
        #expect(a.events.map(\.location.line) == [2, 3])
        #expect(a.events.first?.resource == "nodes")
    }

    @Test func brokenDocumentIsOneLocatedWarning() throws {
        let r = AuditLogReader.read(text: "[\n" + Self.event("") + ",\n  {\"verb\": \n", name: "b.json")
        #expect(r.events.isEmpty)
        let d = try #require(r.diagnostics.first)
        #expect(r.diagnostics.count == 1 && d.id == AuditLogDiagnosticID.syntax)
        #expect(d.location?.file == "b.json" && (d.location?.line ?? 0) >= 3)
    }

    @Test func azureExportFormats() throws {
        let inner = Self.event(#""objectRef":{"resource":"secrets","namespace":"n","name":"s"}"#)
        let escaped = String(decoding: try JSONSerialization.data(withJSONObject: [inner], options: [.fragmentsAllowed]), as: UTF8.self)
        let logString = String(escaped.dropFirst().dropLast())  // the JSON string literal of `inner`
        let record = #"{"category":"kube-audit","time":"2026-01-01T00:00:00Z","properties":{"log":\#(logString),"pod":"kube-apiserver-0"}}"#
        let hub = #"{"records":[\#(record),\#(record)]}"#
        let r = AuditLogReader.read(text: record + "\n" + hub + "\n", name: "aks.json")
        #expect(r.diagnostics.isEmpty)
        #expect(r.events.count == 3)
        #expect(r.events.allSatisfy { $0.resource == "secrets" && $0.name == "s" })
        #expect(r.events.map(\.location.line) == [1, 2, 2])

        // The log as an object rather than a string, and a broken inner string.
        let objectLog = #"{"properties":{"log":\#(inner)}}"#
        let broken = #"{"properties":{"log":"{\"verb\":"}}"#
        let o = AuditLogReader.read(text: objectLog + "\n" + broken + "\n", name: "x.json")
        #expect(o.events.count == 1)
        let d = try #require(o.diagnostics.first)
        #expect(d.id == AuditLogDiagnosticID.syntax && d.location?.line == 2, "inner errors are pinned to the record line")
    }

    @Test func aksAuditTableRowsMatchFieldNamesCaseInsensitively() throws {
        let row = #"{"TimeGenerated":"2026-01-01T00:00:00Z","Verb":"delete","Stage":"ResponseComplete","User":{"username":"bob","groups":["system:authenticated"]},"ObjectRef":{"resource":"deployments","apiGroup":"apps","namespace":"web","name":"api"},"ResponseStatus":{"code":200}}"#
        let r = AuditLogReader.read(text: row, name: "t.json")
        let e = try #require(r.events.first)
        #expect((e.verb, e.apiGroup, e.resource, e.namespace, e.name, e.username) == ("delete", "apps", "deployments", "web", "api", "bob"))
    }

    @Test(arguments: [
        (#"{"kind":"Event","verb":"get","objectRef":{"resource":"pods"}}"#, AuditLogDiagnosticID.missingField),
        (Self.event(#""stage":"Unknown""#), AuditLogDiagnosticID.unclassified),
        (Self.event(#""requestURI":"/api/v1/namespaces/a/pods""#), AuditLogDiagnosticID.unclassified),
        (Self.event(#""objectRef":{"namespace":"a"}"#), AuditLogDiagnosticID.missingField),
        (Self.event(""), AuditLogDiagnosticID.missingField),
        ("42", AuditLogDiagnosticID.notAnEvent),
        (#"{"kind":"Event","verb":["get"]}"#, AuditLogDiagnosticID.notAnEvent),
    ])
    func unusableEventsAreSkippedWithAnID(line: String, id: String) throws {
        let r = AuditLogReader.read(text: "\n" + line + "\n", name: "e.jsonl")
        #expect(r.events.isEmpty)
        let d = try #require(r.diagnostics.first)
        #expect(r.diagnostics.count == 1 && d.id == id && d.location?.line == 2, "\(d)")
    }

    @Test func discoveryPathsAreNonResourceRequests() {
        for (path, resource) in [("/api", false), ("/api/v1", false), ("/api/v1/pods", true), ("/apis", false),
                                 ("/apis/apps", false), ("/apis/apps/v1", false), ("/apis/apps/v1/deployments", true),
                                 ("/healthz", false), ("/metrics", false)] {
            let r = AuditLogReader.read(text: Self.event(#""requestURI":"\#(path)""#), name: "p")
            #expect(r.events.count == (resource ? 0 : 1), "\(path)")
        }
    }

    @Test func unreadableFileIsAnError() throws {
        let r = AuditLogReader.load(path: "/nonexistent/audit.jsonl")
        let d = try #require(r.diagnostics.first)
        #expect(d.severity == .error && d.location?.file == "/nonexistent/audit.jsonl")
    }

    /// Truncated and corrupted copies of the fixture never crash; every line yields an event or
    /// at most a few located diagnostics on that line.
    @Test func corruptedLinesNeverCrash() throws {
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        var rng = SplitMix64(seed: 8)
        for _ in 0..<200 {
            var mutated = lines
            let i = rng.index(mutated.count)
            var bytes = Array(mutated[i].utf8)
            switch rng.index(3) {
            case 0: bytes = Array(bytes.prefix(rng.index(bytes.count)))
            case 1: if !bytes.isEmpty { bytes[rng.index(bytes.count)] = rng.pick(Array("{}[]\",:\\x".utf8)) }
            default: bytes.insert(rng.pick(Array("{[\"".utf8)), at: rng.index(bytes.count + 1))
            }
            mutated[i] = String(decoding: bytes, as: UTF8.self)
            let r = AuditLogReader.read(text: mutated.joined(separator: "\n"), name: "m")
            let others = r.diagnostics.filter { $0.location?.line != i + 1 }
            #expect(others.count <= 2, "only the fixture's own two bad lines besides line \(i + 1)")
            #expect(r.diagnostics.allSatisfy { $0.location != nil })
        }
    }
}
