import Audit
import Foundation
import RBACEngine
import ReachLoader
import ReachModel

extension Analyzer {
    /// Reads a Kubernetes audit log (JSON lines, EventList, or Azure `kube-audit` export).
    /// - Complexity: O(file size).
    public static func loadAuditLog(path: String,
                                    stdin: (() -> Data)? = nil) -> AuditLogReader.Result {
        AuditLogReader.load(path: path, stdin: stdin)
    }

    /// Reads an audit log from memory.
    public static func loadAuditLog(text: String, name: String) -> AuditLogReader.Result {
        AuditLogReader.read(text: text, name: name)
    }

    /// Narrowed roles for the subjects of `events`, compared with the loaded manifests' RBAC.
    /// - Complexity: see ``Audit/RoleNarrower/narrow(_:index:options:)``.
    public func narrowRoles(_ events: [ObservedRequest], options: RoleNarrower.Options = RoleNarrower.Options(),
                            mastersBypass: Bool = true) -> NarrowingReport {
        RoleNarrower.narrow(events, index: rbac(mastersBypass: mastersBypass), options: options)
    }
}
