import ReachCore
import RBACEngine

/// The answers of ``AttackContext/anyAllowed(_:)`` for per-object request lists (one pod's
/// `exec`/`attach`, `patch`/`update`, …) whose object name no rule lists, shared per namespace.
///
/// Exact: ``AttackContext/normalized(_:)`` replaces such a name by the fresh name, so every pod
/// of a namespace whose name no rule lists has the same normalized request list (the technique
/// builds the same requests apart from the name) and so the same answer. Only the lookup is
/// saved: one `Set<String>` probe and one dictionary probe on the namespace instead of hashing
/// and comparing the whole normalized request list in ``AttackContext/anyAllowed(_:)``.
struct ObjectRequests {
    private var unlisted: [String: BitSet] = [:]

    /// States allowed at least one of `requests`, all naming object `name` in namespace `ns` and
    /// otherwise the same for every object of one technique run.
    /// - Complexity: O(|name| + |ns|) expected on a hit; ``AttackContext/anyAllowed(_:)`` on a miss.
    mutating func anyAllowed(_ requests: [AccessRequest], name: String, namespace ns: String,
                             in context: AttackContext) -> BitSet {
        // An empty name is kept as is by `normalized`, and a listed name has its own answer.
        guard !name.isEmpty, !context.table.mentionedNames.contains(name) else { return context.anyAllowed(requests) }
        if let hit = unlisted[ns] { return hit }
        let set = context.anyAllowed(requests)
        unlisted[ns] = set
        return set
    }
}
