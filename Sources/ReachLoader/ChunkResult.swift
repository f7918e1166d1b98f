import ReachModel

/// What one document produced: objects in order, skipped kinds, diagnostics. Chunks are decoded
/// independently (and in parallel), then merged in input order so "last wins" stays well defined.
struct ChunkResult: Sendable {
    var objects: [(object: LoadedObject, kind: ObjectKind)] = []
    var skippedKinds: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []

    mutating func add(_ object: LoadedObject, kind: ObjectKind) { objects.append((object, kind)) }
}

extension LoadedObject: @unchecked Sendable {}
