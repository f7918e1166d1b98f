import NetworkEngine

/// The distinct connection sets of a diff's changes, numbered in first-use order. A change names
/// the changed joint port classes it gained or lost as a bit signature over the changed list; each
/// distinct signature becomes one ``ConnectionSet`` (the joint atoms of those classes), built once.
/// Shared by the pair diff (``PeerChanges``) and the external-range diff (``ExternalExpansion``).
struct ConnectionSetInterner {
    let joint: JointPortClasses
    /// Per changed port class (bit `t` of a signature), its joint port class.
    let changedJoint: [Int]
    private(set) var sets: [ConnectionSet] = []
    private var cache: [[UInt64]: Int32] = [:]

    init(joint: JointPortClasses, changedJoint: [Int]) {
        self.joint = joint
        self.changedJoint = changedJoint
    }

    /// The index in ``sets`` of the connection set of the port classes in `signature`, `-1` if none.
    /// - Complexity: O(signature words) for a known signature; else O(changed + joint atoms).
    mutating func set(_ signature: [UInt64]) -> Int32 {
        if signature.allSatisfy({ $0 == 0 }) { return -1 }
        if let hit = cache[signature] { return hit }
        var inSet = [Bool](repeating: false, count: joint.classes.count)
        for (t, c) in changedJoint.enumerated() where signature[t >> 6] & (1 << UInt64(t & 63)) != 0 { inSet[c] = true }
        var set = ConnectionSet()
        for atom in joint.atoms where inSet[atom.joint] { set.add(atom.protocolName, atom.lower...atom.upper) }
        sets.append(set)
        let index = Int32(sets.count - 1)
        cache[signature] = index
        return index
    }
}
