/// A buffered byte writer: formatters append bytes, the buffer is handed to `sink` whenever it
/// fills, so the memory of an output never grows with its length beyond `capacity`.
///
/// Written by hand (not `FileHandle`/`String` concatenation) because the `reach` pair outputs write
/// millions of short pieces: appending to one preallocated buffer costs a few nanoseconds each.
/// The first error the sink throws is kept; later writes are dropped and ``finish()`` rethrows it.
public final class ByteWriter {
    /// Receives each full buffer (and the last partial one on ``finish()``).
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private var buffer: [UInt8]
    private let capacity: Int
    private let sink: Sink
    /// The first error the sink threw.
    public private(set) var error: (any Error)?
    /// Bytes handed to the sink so far plus those buffered.
    public private(set) var count = 0

    /// - Parameter capacity: buffer size in bytes (default 256 KiB).
    public init(capacity: Int = 1 << 18, sink: @escaping Sink) {
        self.capacity = max(capacity, 64)
        self.sink = sink
        buffer = []
        buffer.reserveCapacity(self.capacity)
    }

    /// A writer that collects everything in memory (tests, small documents).
    public static func collecting() -> (ByteWriter, () -> [UInt8]) {
        let box = Collector()
        let w = ByteWriter { box.bytes.append(contentsOf: $0) }
        return (w, { box.bytes })
    }

    private final class Collector { var bytes: [UInt8] = [] }

    /// Appends the UTF-8 of `text`.
    /// - Complexity: O(text.utf8.count) amortised.
    public func write(_ text: String) {
        var t = text
        t.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends one byte.
    /// - Complexity: O(1) amortised.
    public func write(byte: UInt8) {
        if buffer.count >= capacity { drain() }
        buffer.append(byte)
        count += 1
    }

    /// Appends `bytes`.
    /// - Complexity: O(bytes.count) amortised.
    public func write(bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count > capacity { drain() }
        if bytes.count > capacity {
            emit(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
        count += bytes.count
    }

    /// Appends `bytes` (an array slice of pre-encoded text).
    public func write(bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { write(bytes: $0) }
    }

    /// Appends `n` copies of `byte` (indentation).
    public func write(repeating byte: UInt8, count n: Int) {
        for _ in 0..<max(0, n) { write(byte: byte) }
    }

    /// Appends the decimal digits of `value`.
    /// - Complexity: O(digits).
    public func write(decimal value: Int) {
        if value < 0 {
            write(byte: UInt8(ascii: "-"))
            if value == Int.min { write(String(value).dropFirst().description); return }
            write(decimal: -value)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value, n = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[19 - n] = UInt8(truncatingIfNeeded: v % 10) + UInt8(ascii: "0")
                v /= 10
                n += 1
            } while v > 0
            write(bytes: UnsafeRawBufferPointer(rebasing: raw[(20 - n)...]))
        }
    }

    /// Hands the buffered bytes to the sink and rethrows the first sink error, if any.
    public func finish() throws {
        drain()
        if let error { throw error }
    }

    private func drain() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { emit($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil else { return }
        do { try sink(bytes) } catch { self.error = error }
    }
}
