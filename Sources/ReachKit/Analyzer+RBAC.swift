import RBACEngine
import ReachModel

extension Analyzer {
    /// The compiled RBAC index of the snapshot (rbac.md). `mastersBypass` is the system:masters
    /// convention (rule 3; the CLI's `--no-masters` turns it off).
    /// - Complexity: see ``RBACEngine/RBACIndex/init(snapshot:options:)``.
    public func rbac(mastersBypass: Bool = true) -> RBACIndex {
        RBACIndex(snapshot: snapshot, options: RBACOptions(mastersBypass: mastersBypass))
    }

    /// Load diagnostics and engine diagnostics together, sorted.
    public func diagnostics(with index: RBACIndex) -> [Diagnostic] {
        (snapshot.diagnostics + index.diagnostics).sorted()
    }
}

/// The reminder every RBAC report carries (rbac.md "Beyond the authorizer").
public enum RBACCaveat {
    public static let text = "RBAC objects are a lower bound on access: the Node authorizer, webhook authorizers (e.g. AKS Azure RBAC) and ABAC can also grant."
}
