import Foundation
import RBACEngine
import ReachModel

/// The batch interface of `kube-reach query` (interfaces.md "RBAC batch queries"): a JSON
/// document with `checks`, `whoCan` and `paths` lists; the answer is the same document with
/// `allowed` added to each check, `subjects` to each whoCan, and the path fields (`reachable`,
/// `length`, `hops`, `via`) answered by the attack graph (escalation.md) when a snapshot is
/// given. Unknown fields are kept.
public enum RBACQueryBatch {
    /// A malformed query document, located by JSON path (`checks[2].groups`).
    public struct QueryError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `data` and answers it against `index` (and `snapshot` for `paths`; without it the
    /// path fields are `null`).
    /// - Complexity: one ``RBACEngine/RBACIndex/allows(_:_:)`` per check, one
    ///   ``RBACEngine/RBACIndex/whoCan(_:)`` per whoCan entry, one attack graph for all paths plus
    ///   one goal search per path.
    public static func answer(_ data: Data, index: RBACIndex, snapshot: ClusterSnapshot? = nil) -> Result<[String: Any], QueryError> {
        guard let any = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .failure(QueryError(description: "not valid JSON"))
        }
        guard var doc = any as? [String: Any] else {
            return .failure(QueryError(description: "expected a JSON object with checks, whoCan and/or paths"))
        }
        do {
            if let checks = doc["checks"] {
                doc["checks"] = try list(checks, "checks").enumerated().map { i, item in
                    var o = item
                    let identity = try Self.identity(item, "checks[\(i)]")
                    o["allowed"] = index.allows(identity, try request(item, "checks[\(i)]"))
                    return o
                }
            }
            if let who = doc["whoCan"] {
                doc["whoCan"] = try list(who, "whoCan").enumerated().map { i, item in
                    var o = item
                    let answer = index.whoCan(try request(item, "whoCan[\(i)]"))
                    o["subjects"] = index.subjects(of: answer).map(\.description)
                    return o
                }
            }
            if let paths = doc["paths"] {
                doc["paths"] = try answerPaths(try list(paths, "paths"), index: index, snapshot: snapshot)
            }
        } catch let error as QueryError {
            return .failure(error)
        } catch {
            return .failure(QueryError(description: "\(error)"))
        }
        return .success(doc)
    }

    static func list(_ value: Any, _ path: String) throws -> [[String: Any]] {
        guard let array = value as? [Any] else { throw QueryError(description: "\(path): expected an array") }
        return try array.enumerated().map { i, v in
            guard let o = v as? [String: Any] else { throw QueryError(description: "\(path)[\(i)]: expected an object") }
            return o
        }
    }

    static func string(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false) throws -> String {
        guard let v = o[key], !(v is NSNull) else {
            if required { throw QueryError(description: "\(path).\(key): required field is missing") }
            return ""
        }
        guard let s = v as? String else { throw QueryError(description: "\(path).\(key): expected a string") }
        return s
    }

    static func identity(_ o: [String: Any], _ path: String) throws -> Identity {
        let user = try string(o, "user", path)
        var groups: [String] = []
        if let g = o["groups"], !(g is NSNull) {
            guard let list = g as? [Any], let strings = list as? [String], strings.count == list.count else {
                throw QueryError(description: "\(path).groups: expected an array of strings")
            }
            groups = strings
        }
        return Identity(user: user, groups: groups)
    }

    static func request(_ o: [String: Any], _ path: String) throws -> AccessRequest {
        AccessRequest(verb: try string(o, "verb", path, required: true), apiGroup: try string(o, "apiGroup", path),
                      resource: try string(o, "resource", path), subresource: try string(o, "subresource", path),
                      name: try string(o, "name", path), namespace: try string(o, "namespace", path),
                      nonResourceURL: try string(o, "nonResourceURL", path))
    }
}
