import ArgumentParser
import Audit
import Foundation
import RBACEngine
import ReachKit
import ReachLoader
import ReachModel
import ReachReports

/// Options of `audit --least-privilege --audit-log FILE`: narrowed roles from observed use.
struct AuditLogOptions: ParsableArguments {
    @Option(name: .customLong("audit-log"),
            help: ArgumentHelp("Kubernetes audit log (JSON lines, EventList, or AKS kube-audit export; - for stdin); "
                               + "with --least-privilege writes narrowed roles per subject.", valueName: "file"))
    var path: String?

    @Option(name: .customLong("narrowed-dir"),
            help: ArgumentHelp("Write one <subject>.yaml of narrowed roles per subject into this directory (created if missing).",
                               valueName: "dir"))
    var narrowedDir: String?

    @Option(name: .customLong("subject"),
            help: ArgumentHelp("Only this subject (User:name or ServiceAccount:ns/name). Repeatable.", valueName: "subject"))
    var subjects: [String] = []
}

extension AuditCommand {
    /// Usage checks of the audit-log options.
    func validateAuditLog() throws {
        guard let _ = auditLog.path else {
            if auditLog.narrowedDir != nil || !auditLog.subjects.isEmpty {
                throw ValidationError("--narrowed-dir and --subject need --least-privilege --audit-log FILE")
            }
            return
        }
        if !leastPrivilege { throw ValidationError("--audit-log needs --least-privilege") }
        if aks != nil { throw ValidationError("--audit-log cannot be combined with --aks") }
        if output != .text && output != .json { throw ValidationError("--audit-log supports --output text or json") }
        for s in auditLog.subjects {
            guard let p = Principal(parsing: s), p.username != nil else {
                throw ValidationError("--subject \(s): expected User:name or ServiceAccount:ns/name")
            }
        }
    }

    /// `audit --least-privilege --audit-log FILE [-f MANIFESTS]`: reads the log, narrows every
    /// subject against the manifests' RBAC, and writes YAML (stdout for `-o text` without
    /// `--narrowed-dir`), a text summary, or JSON.
    func runNarrowing(logPath: String) throws {
        let log = Analyzer.loadAuditLog(path: logPath)
        if log.diagnostics.contains(where: { $0.severity == .error }) {
            throw ExitCode.inputError(log.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        }
        let analyzer = inputs.isEmpty ? Analyzer(snapshot: ClusterSnapshot())
            : Analyzer.load(paths: inputs, options: LoadOptions(namespaceDefault: namespaceDefault))
        let options = RoleNarrower.Options(subjects: Set(auditLog.subjects.compactMap(Principal.init(parsing:))))
        let report = analyzer.narrowRoles(log.events, options: options)
        let diagnostics = (log.diagnostics + analyzer.snapshot.diagnostics).sorted()
        var files: [Principal: String] = [:]
        if let dir = auditLog.narrowedDir { files = try writeNarrowed(report, to: dir) }
        switch output {
        case .json: Output.write(NarrowedRolesFormatter.json(report, diagnostics: diagnostics, files: files))
        case .text, .sarif, .md, .html:
            if auditLog.narrowedDir == nil {
                Output.write(NarrowedRolesYAML.stream(report, diagnostics: diagnostics))
            } else {
                Output.write(NarrowedRolesFormatter.text(report, diagnostics: diagnostics, files: files))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
    }

    /// One `<slug>.yaml` per subject in `dir`; returns the paths written.
    func writeNarrowed(_ report: NarrowingReport, to dir: String) throws -> [Principal: String] {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw ExitCode.inputError("\(dir): cannot create the directory: \(error.localizedDescription)")
        }
        let slugs = NarrowedRolesYAML.slugs(report)
        var files: [Principal: String] = [:]
        for s in report.subjects {
            let slug = slugs[s.principal] ?? "subject"
            let path = (dir as NSString).appendingPathComponent("\(slug).yaml")
            do { try NarrowedRolesYAML.yaml(s, slug: slug, report: report).write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw ExitCode.inputError("\(path): cannot write: \(error.localizedDescription)")
            }
            files[s.principal] = path
        }
        return files
    }
}
