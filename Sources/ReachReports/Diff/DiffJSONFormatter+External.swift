import ReachKit

extension DiffJSONFormatter {
    /// `{"added": [...], "removed": [...]}`, each row `{cidrs, connections, destination, direction,
    /// peer, range, source}`: `source`/`destination` as the connectivity list names them (the peer
    /// and `first-last[External]`), `range` `first-last`, `cidrs` its exact CIDR cover.
    /// - Complexity: O(changes × address bits).
    static func external(_ r: ExternalReachDiff, _ json: inout JSONStream) {
        let text = r.connections.map(\.description)
        json.beginObject()
        for (key, added) in [("added", true), ("removed", false)] {
            json.key(key)
            json.beginArray()
            for c in r.changes {
                let set = added ? c.added : c.removed
                guard set >= 0 else { continue }
                let peer = r.peers[Int(c.peer)], range = c.range.label
                // Members in JSONStream.keyOrder: cidrs, connections, destination, direction, peer, range, source.
                json.beginObject()
                json.key("cidrs")
                json.value(.strings(c.range.cidrs))
                json.key("connections")
                json.string(text[Int(set)])
                json.key("destination")
                json.string(c.direction == .egress ? range : peer)
                json.key("direction")
                json.string(c.direction.rawValue)
                json.key("peer")
                json.string(peer)
                json.key("range")
                json.string(c.range.description)
                json.key("source")
                json.string(c.direction == .egress ? peer : range)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }
}
