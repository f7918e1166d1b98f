import Audit
import Foundation
import ReachLoader
import ReachModel

extension Analyzer {
    /// Runs the audit checks on the loaded manifests and, when given, the AKS cluster document.
    /// `manifests: false` marks the manifest checks as not evaluated (only `--aks` was given).
    /// - Complexity: see ``AuditEngine/run(_:checks:suppressions:)``.
    public func audit(cluster: AKSCluster?, manifests: Bool = true, options: AuditOptions = AuditOptions(),
                      suppressions: Suppressions = Suppressions()) -> AuditReport {
        let context = AuditContext(snapshot: manifests ? snapshot : nil, cluster: cluster, options: options)
        return AuditEngine.run(context, suppressions: suppressions)
    }

    /// Reads an `az aks show -o json` / ARM ManagedCluster document.
    public static func loadAKSCluster(path: String) -> (cluster: AKSCluster?, diagnostics: [Diagnostic]) {
        AKSClusterReader.load(path: path)
    }

    /// Reads an AKS cluster document from memory.
    public static func loadAKSCluster(text: String, name: String) -> (cluster: AKSCluster?, diagnostics: [Diagnostic]) {
        AKSClusterReader.read(text: text, name: name)
    }

    /// Descriptions of every audit check, sorted by ID.
    public static var auditChecks: [CheckInfo] { (CheckRegistry.all + CheckRegistry.azure).map(\.info).sorted { $0.id < $1.id } }
}

/// A baseline file: fingerprints of known findings (`--baseline`, written by `--write-baseline`).
public enum AuditBaseline {
    /// A baseline that could not be read.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses `{"version": 1, "fingerprints": [...]}`.
    public static func parse(_ data: Data, name: String) -> Result<Set<String>, FormatError> {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = object["fingerprints"] as? [String] else {
            return .failure(FormatError(description: "\(name): not a kube-reach baseline (expected a JSON object with a \"fingerprints\" list)"))
        }
        return .success(Set(list))
    }
}
