import Audit
import ReachKit
import ReachModel

/// `kube-reach diff -o json`: every change, streamed through ``JSONStream`` (reachability lists
/// can be long). Shape (docs/diff.md): `summary`, `reachability` {`level`, `added`, `removed`,
/// `newPeers`, `deletedPeers`, `external` {`added`, `removed`}}, `access` {`subjects`, `whoCan`}, `paths` {`gained`, `lost`},
/// `findings` {`new`, `fixed`}.
public enum DiffJSONFormatter {
    /// - Complexity: O(changes), with O(1) extra memory per reachability change.
    public static func write(_ d: ClusterDiff, to out: ByteWriter) {
        var json = JSONStream(out)
        json.beginObject()
        // Keys in JSONStream.keyOrder: access, findings, paths, reachability, summary.
        json.key("access")
        json.value(access(d.access))
        json.key("findings")
        json.value(["new": .array(d.findings.new.map(finding)), "fixed": .array(d.findings.fixed.map(finding))])
        json.key("paths")
        json.value(paths(d.paths))
        json.key("reachability")
        reach(d.reach, d.external, &json)
        json.key("summary")
        json.value(summary(d))
        json.endObject()
        out.write("\n")
    }

    static func summary(_ d: ClusterDiff) -> JSONValue {
        ["reachAdded": .int(d.reach.addedPairs), "reachRemoved": .int(d.reach.removedPairs),
         "externalAdded": .int(d.external.addedRows), "externalRemoved": .int(d.external.removedRows),
         "subjectsChanged": .int(d.access.subjects.count), "whoCanChanged": .int(d.access.whoCan.count),
         "pathsGained": .int(d.paths.gained.count), "pathsLost": .int(d.paths.lost.count),
         "findingsNew": .int(d.findings.new.count), "findingsFixed": .int(d.findings.fixed.count), "empty": .bool(d.isEmpty)]
    }

    /// Keys in order: added, deletedPeers, external, level, newPeers, removed.
    static func reach(_ r: ReachDiff, _ external: ExternalReachDiff, _ json: inout JSONStream) {
        json.beginObject()
        json.key("added")
        pairs(r, added: true, &json)
        json.key("deletedPeers")
        json.value(.strings(r.onlyBefore.members.map { r.peers[$0] }))
        json.key("external")
        Self.external(external, &json)
        json.key("level")
        json.string(r.level.rawValue)
        json.key("newPeers")
        json.value(.strings(r.onlyAfter.members.map { r.peers[$0] }))
        json.key("removed")
        pairs(r, added: false, &json)
        json.endObject()
    }

    static func pairs(_ r: ReachDiff, added: Bool, _ json: inout JSONStream) {
        let text = r.connections.map(\.description)
        json.beginArray()
        for c in r.changes {
            let set = added ? c.added : c.removed
            guard set >= 0 else { continue }
            // Members in JSONStream.keyOrder: connections, destination, source.
            json.beginObject()
            json.key("connections")
            json.string(text[Int(set)])
            json.key("destination")
            json.string(r.peers[Int(c.destination)])
            json.key("source")
            json.string(r.peers[Int(c.source)])
            json.endObject()
        }
        json.endArray()
    }

    static func access(_ a: AccessDiff) -> JSONValue {
        let subjects: [JSONValue] = a.subjects.map { s in
            ["subject": .string(s.subject), "gained": .array(s.gained.map(permission)), "lost": .array(s.lost.map(permission))]
        }
        let whoCan: [JSONValue] = a.whoCan.map { c in
            ["request": RBACJSONFormatter.request(c.request), "gained": .strings(c.gained), "lost": .strings(c.lost)]
        }
        return ["subjects": .array(subjects), "whoCan": .array(whoCan)]
    }

    static func permission(_ p: AccessDiff.PermissionChange) -> JSONValue {
        ["namespace": .string(p.scope.namespace), "apiGroup": .string(p.apiGroup), "resource": .string(p.resource),
         "resourceNames": .strings(p.resourceNames), "nonResourceURL": .string(p.nonResourceURL), "verbs": .strings(p.verbs),
         "bindings": .strings(p.bindings), "location": RBACJSONFormatter.location(p.location)]
    }

    /// `gained`, `lost`; with `--footholds` also `footholds: true` and `assumeExploitable`, and
    /// per step `assumption` (without the flag the shape is unchanged).
    static func paths(_ p: PathDiff) -> JSONValue {
        var out: [(String, JSONValue)] = [("gained", .array(p.gained.map { path($0, p.footholds) })), ("lost", .array(p.lost.map { path($0, p.footholds) }))]
        if p.footholds { out += [("footholds", .bool(true)), ("assumeExploitable", .bool(p.assumeExploitable))] }
        return .object(out)
    }

    static func path(_ c: PathDiff.Change, _ footholds: Bool) -> JSONValue {
        let via: [JSONValue] = c.path.steps.map { s in
            var step: [(String, JSONValue)] = [("technique", .string(s.technique)), ("state", .string(s.state)), ("object", .string(s.object))]
            if footholds { step.append(("assumption", .bool(s.assumption))) }
            return .object(step)
        }
        var out: [(String, JSONValue)] = [("goal", RBACJSONFormatter.request(c.goal.request)), ("goalTitle", .string(c.goal.title)),
                                          ("subject", .string(c.path.start)), ("length", .int(c.path.length)),
                                          ("hops", .strings(c.path.steps.map(\.state))), ("via", .array(via))]
        if footholds { out.append(("usesAssumptions", .bool(c.path.steps.contains { $0.assumption }))) }
        return .object(out)
    }

    static func finding(_ f: Finding) -> JSONValue {
        ["id": .string(f.checkID), "severity": .string(f.severity.rawValue), "subject": .string(f.subject),
         "message": .string(f.message), "fingerprint": .string(f.fingerprint),
         "locations": .array(f.locations.map { RBACJSONFormatter.location($0) })]
    }
}
