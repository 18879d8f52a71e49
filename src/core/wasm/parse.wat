;; The memory a merchant list is read in (`parseMemory.ts`): the structural bytes of the text
;; found sixteen at a time, and the dictionary of a column of many values (merchant names) looked up
;; by their UTF-8 bytes eight and sixteen at a time (WebAssembly SIMD). Source of `parseWasm.ts`;
;; rebuild it with `npm run build:wasm` after a change.
;;
;; Memory: [text | positions | batch: entries, hashes, codes | key | pool | slots]. The caller
;; copies a piece of the file to the text area (16 bytes of slack after it: blocks are read past the
;; end and masked) and has its delimiters and line breaks indexed into `positions`. A key is looked
;; up where it is: in the text, or in the key area where the caller writes the cells that are not
;; (a field with doubled quotes, an NFC form); a batch lists the keys of a piece's rows. The pool holds one record per key: code, byte length, hash (three i32) and
;; the bytes, padded to 4. A slot is two i32: the hash and the record's offset in the pool + 1
;; (0: empty). The pool and the slots move when an area before them grows; offsets are relative to
;; their area, so nothing else changes. A hash is 31 bits; bit 31 is set when the key holds a
;; character NFC may change (see `hashBytes` in byteValues.ts for the rule), which the caller
;; normalises once per spelling.
(module
  ;; Given by the caller (with a maximum, a memory that cannot grow past it: tests).
  (import "env" "memory" (memory 1))
  (global $textCap (mut i32) (i32.const 0))
  (global $positionsBase (mut i32) (i32.const 0))
  (global $entriesBase (mut i32) (i32.const 0))
  (global $hashesBase (mut i32) (i32.const 0))
  (global $codesBase (mut i32) (i32.const 0))
  (global $keyBase (mut i32) (i32.const 0))
  (global $keyCap (mut i32) (i32.const 0))
  (global $poolBase (mut i32) (i32.const 0))
  (global $poolUsed (mut i32) (i32.const 0))
  (global $poolCap (mut i32) (i32.const 0))
  (global $slotsBase (mut i32) (i32.const 0))
  (global $mask (mut i32) (i32.const 0))
  (global $keys (mut i32) (i32.const 0))
  (global $count (mut i32) (i32.const 0))

  ;; Makes the memory at least `bytes` long.
  (func $ensure (param $bytes i32)
    (local $have i32)
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $bytes) (local.get $have))
      (then
        (if (i32.lt_s
              (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $bytes) (local.get $have)) (i32.const 0xffff)) (i32.const 16)))
              (i32.const 0))
          (then (unreachable))))))

  ;; Lays the memory out for pieces of up to `textCap` bytes (a multiple of 16), batches of up to
  ;; `batchCap` keys and an empty dictionary.
  (func (export "init") (param $textCap i32) (param $batchCap i32)
    (global.set $textCap (local.get $textCap))
    (global.set $positionsBase (i32.add (local.get $textCap) (i32.const 16)))
    (global.set $entriesBase (i32.add (global.get $positionsBase) (i32.shl (local.get $textCap) (i32.const 2))))
    (global.set $hashesBase (i32.add (global.get $entriesBase) (i32.shl (local.get $batchCap) (i32.const 3))))
    (global.set $codesBase (i32.add (global.get $hashesBase) (i32.shl (local.get $batchCap) (i32.const 2))))
    (global.set $keyBase (i32.add (global.get $codesBase) (i32.shl (local.get $batchCap) (i32.const 2))))
    (global.set $keyCap (i32.const 65536))
    (call $reset (i32.const 1024)))

  ;; Empties the dictionary, with room for `expected` values of about 48 bytes each.
  (func $reset (export "reset") (param $expected i32)
    (local $slots i32)
    (local.set $slots (i32.const 1024))
    (block $sized
      (loop $double
        (br_if $sized (i32.ge_u (i32.mul (local.get $slots) (i32.const 3)) (i32.mul (local.get $expected) (i32.const 4))))
        (local.set $slots (i32.shl (local.get $slots) (i32.const 1)))
        (br $double)))
    (global.set $poolBase (i32.add (global.get $keyBase) (global.get $keyCap)))
    (global.set $poolUsed (i32.const 0))
    (global.set $poolCap (i32.add (i32.mul (local.get $expected) (i32.const 48)) (i32.const 65536)))
    (global.set $slotsBase (i32.add (global.get $poolBase) (global.get $poolCap)))
    (global.set $mask (i32.sub (local.get $slots) (i32.const 1)))
    (global.set $keys (i32.const 0))
    (global.set $count (i32.const 0))
    (call $ensure (i32.add (global.get $slotsBase) (i32.shl (local.get $slots) (i32.const 3))))
    (memory.fill (global.get $slotsBase) (i32.const 0) (i32.shl (local.get $slots) (i32.const 3))))

  ;; The word of the `rest` (< 8) bytes at `at`, the bytes past them zero.
  (func $partial (param $at i32) (param $rest i32) (result i64)
    (i64.and (i64.load (local.get $at))
      (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.shl (local.get $rest) (i32.const 3)))) (i64.const 1))))

  ;; True when the `length` bytes at `at` hold a character NFC may change: a lead byte from 0xCC
  ;; up, except 0xE1 followed by 0xB8-0xBB (the Vietnamese precomposed letters).
  (func $mayChange (param $at i32) (param $length i32) (result i32)
    (local $i i32) (local $mask i32) (local $rest i32) (local $p i32) (local $b i32)
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        (local.set $mask (i8x16.bitmask (i8x16.ge_u (v128.load (i32.add (local.get $at) (local.get $i))) (i8x16.splat (i32.const 0xcc)))))
        (local.set $rest (i32.sub (local.get $length) (local.get $i)))
        (if (i32.lt_u (local.get $rest) (i32.const 16))
          (then (local.set $mask (i32.and (local.get $mask) (i32.sub (i32.shl (i32.const 1) (local.get $rest)) (i32.const 1))))))
        (block $bits
          (loop $each
            (br_if $bits (i32.eqz (local.get $mask)))
            (local.set $p (i32.add (local.get $i) (i32.ctz (local.get $mask))))
            (if (i32.ne (i32.load8_u (i32.add (local.get $at) (local.get $p))) (i32.const 0xe1))
              (then (return (i32.const 1))))
            (if (i32.ge_u (i32.add (local.get $p) (i32.const 1)) (local.get $length))
              (then (return (i32.const 1))))
            (local.set $b (i32.load8_u (i32.add (i32.add (local.get $at) (local.get $p)) (i32.const 1))))
            (if (i32.or (i32.lt_u (local.get $b) (i32.const 0xb8)) (i32.gt_u (local.get $b) (i32.const 0xbb)))
              (then (return (i32.const 1))))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $each)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (i32.const 0))

  ;; The hash of the `length` bytes at `at`, bit 31 telling whether NFC may change them.
  (func $hash (param $at i32) (param $length i32) (result i32)
    (local $h i64) (local $i i32) (local $rest i32) (local $r i32)
    (local.set $h (i64.xor (i64.const 0x243f6a8885a308d3) (i64.extend_i32_u (local.get $length))))
    (block $done
      (loop $words
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 8)) (local.get $length)))
        (local.set $h (i64.mul (i64.xor (local.get $h) (i64.load (i32.add (local.get $at) (local.get $i)))) (i64.const 0x9e3779b97f4a7c15)))
        (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 29))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $words)))
    (local.set $rest (i32.sub (local.get $length) (local.get $i)))
    (if (local.get $rest)
      (then
        (local.set $h (i64.mul (i64.xor (local.get $h) (call $partial (i32.add (local.get $at) (local.get $i)) (local.get $rest)))
          (i64.const 0x9e3779b97f4a7c15)))))
    (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 32))))
    (local.set $h (i64.mul (local.get $h) (i64.const 0xd6e8feb86659fd93)))
    (local.set $r (i32.and (i32.wrap_i64 (i64.shr_u (local.get $h) (i64.const 32))) (i32.const 0x7fffffff)))
    (if (call $mayChange (local.get $at) (local.get $length))
      (then (local.set $r (i32.or (local.get $r) (i32.const 0x80000000)))))
    (local.get $r))

  ;; True when the `length` bytes at `a` and `b` are equal (both readable 8 bytes past `length`).
  (func $equal (param $a i32) (param $b i32) (param $length i32) (result i32)
    (local $i i32) (local $rest i32)
    (block $done
      (loop $words
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 8)) (local.get $length)))
        (if (i64.ne (i64.load (i32.add (local.get $a) (local.get $i))) (i64.load (i32.add (local.get $b) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $words)))
    (local.set $rest (i32.sub (local.get $length) (local.get $i)))
    (if (i32.eqz (local.get $rest)) (then (return (i32.const 1))))
    (i64.eq
      (call $partial (i32.add (local.get $a) (local.get $i)) (local.get $rest))
      (call $partial (i32.add (local.get $b) (local.get $i)) (local.get $rest))))

  ;; The first free slot from the hash's.
  (func $freeSlot (param $hash i32) (result i32)
    (local $slot i32)
    (local.set $slot (i32.and (local.get $hash) (global.get $mask)))
    (block $found
      (loop $probe
        (br_if $found (i32.eqz (i32.load offset=4 (i32.add (global.get $slotsBase) (i32.shl (local.get $slot) (i32.const 3))))))
        (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
        (br $probe)))
    (local.get $slot))

  ;; Doubles the slots and enters every record of the pool again.
  (func $rehash
    (local $slots i32) (local $bytes i32) (local $off i32) (local $at i32) (local $slot i32)
    (local.set $slots (i32.shl (i32.add (global.get $mask) (i32.const 1)) (i32.const 1)))
    (local.set $bytes (i32.shl (local.get $slots) (i32.const 3)))
    (call $ensure (i32.add (global.get $slotsBase) (local.get $bytes)))
    (memory.fill (global.get $slotsBase) (i32.const 0) (local.get $bytes))
    (global.set $mask (i32.sub (local.get $slots) (i32.const 1)))
    (block $done
      (loop $records
        (br_if $done (i32.ge_u (local.get $off) (global.get $poolUsed)))
        (local.set $at (i32.add (global.get $poolBase) (local.get $off)))
        (local.set $slot (call $freeSlot (i32.load offset=8 (local.get $at))))
        (i32.store (i32.add (global.get $slotsBase) (i32.shl (local.get $slot) (i32.const 3))) (i32.load offset=8 (local.get $at)))
        (i32.store offset=4 (i32.add (global.get $slotsBase) (i32.shl (local.get $slot) (i32.const 3))) (i32.add (local.get $off) (i32.const 1)))
        (local.set $off (i32.and (i32.add (i32.add (local.get $off) (i32.add (i32.load offset=4 (local.get $at)) (i32.const 12))) (i32.const 3)) (i32.const -4)))
        (br $records))))

  ;; Makes room for a record of `length` bytes (and 16 bytes of slack) in the pool, moving the slots up.
  (func $poolRoom (param $length i32)
    (local $cap i32) (local $delta i32) (local $slotsBytes i32)
    (local.set $cap (global.get $poolCap))
    (block $enough
      (loop $double
        (br_if $enough (i32.le_u (i32.add (i32.add (global.get $poolUsed) (local.get $length)) (i32.const 32)) (local.get $cap)))
        (local.set $cap (i32.shl (local.get $cap) (i32.const 1)))
        (br $double)))
    (local.set $delta (i32.sub (local.get $cap) (global.get $poolCap)))
    (if (i32.eqz (local.get $delta)) (then (return)))
    (local.set $slotsBytes (i32.shl (i32.add (global.get $mask) (i32.const 1)) (i32.const 3)))
    (call $ensure (i32.add (i32.add (global.get $slotsBase) (local.get $delta)) (local.get $slotsBytes)))
    (memory.copy (i32.add (global.get $slotsBase) (local.get $delta)) (global.get $slotsBase) (local.get $slotsBytes))
    (global.set $slotsBase (i32.add (global.get $slotsBase) (local.get $delta)))
    (global.set $poolCap (local.get $cap)))

  ;; Stores the key (`length` bytes at `from`) as a record with `code` and points `slot` at it.
  (func $store (param $from i32) (param $slot i32) (param $hash i32) (param $length i32) (param $code i32)
    (local $at i32) (local $s i32)
    (call $poolRoom (local.get $length))
    (local.set $at (i32.add (global.get $poolBase) (global.get $poolUsed)))
    (i32.store (local.get $at) (local.get $code))
    (i32.store offset=4 (local.get $at) (local.get $length))
    (i32.store offset=8 (local.get $at) (local.get $hash))
    (memory.copy (i32.add (local.get $at) (i32.const 12)) (local.get $from) (local.get $length))
    (local.set $s (i32.add (global.get $slotsBase) (i32.shl (local.get $slot) (i32.const 3))))
    (i32.store (local.get $s) (local.get $hash))
    (i32.store offset=4 (local.get $s) (i32.add (global.get $poolUsed) (i32.const 1)))
    (global.set $poolUsed (i32.and (i32.add (i32.add (global.get $poolUsed) (local.get $length)) (i32.const 15)) (i32.const -4)))
    (global.set $keys (i32.add (global.get $keys) (i32.const 1)))
    ;; At most 3/4 full.
    (if (i32.gt_u (i32.shl (global.get $keys) (i32.const 2)) (i32.mul (i32.add (global.get $mask) (i32.const 1)) (i32.const 3)))
      (then (call $rehash))))

;; The code of the key of `length` bytes at `at` whose hash is `hash`, added when new; -1 when
  ;; it is new and NFC may change it.
  (func $lookup (param $at i32) (param $length i32) (param $hash i32) (result i32)
    (local $slot i32) (local $s i32) (local $key i32) (local $code i32)
    (local.set $slot (i32.and (local.get $hash) (global.get $mask)))
    (block $absent
      (loop $probe
        (local.set $s (i32.add (global.get $slotsBase) (i32.shl (local.get $slot) (i32.const 3))))
        (local.set $key (i32.load offset=4 (local.get $s)))
        (br_if $absent (i32.eqz (local.get $key)))
        (local.set $key (i32.add (global.get $poolBase) (i32.sub (local.get $key) (i32.const 1))))
        (if (i32.and
              (i32.eq (i32.load (local.get $s)) (local.get $hash))
              (i32.eq (i32.load offset=4 (local.get $key)) (local.get $length)))
          (then
            (if (call $equal (i32.add (local.get $key) (i32.const 12)) (local.get $at) (local.get $length))
              (then (return (i32.load (local.get $key)))))))
        (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
        (br $probe)))
    (if (i32.lt_s (local.get $hash) (i32.const 0)) (then (return (i32.const -1))))
    (local.set $code (global.get $count))
    (global.set $count (i32.add (local.get $code) (i32.const 1)))
    (call $store (local.get $at) (local.get $slot) (local.get $hash) (local.get $length) (local.get $code))
    (local.get $code))

  ;; The code of the key of `length` bytes at `at`, added when new; -1 when it is new and NFC may
  ;; change it: the caller then tells its code with `insert`.
  (func (export "find") (param $at i32) (param $length i32) (result i32)
    (call $lookup (local.get $at) (local.get $length) (call $hash (local.get $at) (local.get $length))))

  ;; Adds the key of `length` bytes at `at` (not in the dictionary) with `code`, or with a new code
  ;; when `code` is -1; returns its code.
  (func (export "insert") (param $at i32) (param $length i32) (param $code i32) (result i32)
    (local $hash i32)
    (if (i32.lt_s (local.get $code) (i32.const 0))
      (then
        (local.set $code (global.get $count))
        (global.set $count (i32.add (local.get $code) (i32.const 1)))))
    (local.set $hash (call $hash (local.get $at) (local.get $length)))
    (call $store (local.get $at) (call $freeSlot (local.get $hash)) (local.get $hash) (local.get $length) (local.get $code))
    (local.get $code))

  ;; A batch of keys, the names of the rows of a piece: `entries` holds each one's place and
  ;; length (two i32; length 0 for an empty cell), `hashes` and `codes` one i32 each.
  ;;
  ;; Hashes the `count` keys of the batch, then reads the slot each one starts its probe at, then
  ;; the record that slot points to. The reads of one pass do not wait for each other, so the
  ;; memory serves many at once; a lookup of the batch then mostly finds both in cache, where one
  ;; lookup at a time waits for the slot, then for the record. Returns a sum of what it read.
  (func (export "prepareBatch") (param $count i32) (result i32)
    (local $i i32) (local $e i32) (local $h i32) (local $sum i32) (local $key i32)
    (block $done
      (loop $keys
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $e (i32.add (global.get $entriesBase) (i32.shl (local.get $i) (i32.const 3))))
        (i32.store (i32.add (global.get $hashesBase) (i32.shl (local.get $i) (i32.const 2)))
          (call $hash (i32.load (local.get $e)) (i32.load offset=4 (local.get $e))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $keys)))
    (local.set $i (i32.const 0))
    (block $done
      (loop $slots
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $h (i32.load (i32.add (global.get $hashesBase) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $sum (i32.add (local.get $sum)
          (i32.load offset=4 (i32.add (global.get $slotsBase) (i32.shl (i32.and (local.get $h) (global.get $mask)) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $slots)))
    (local.set $i (i32.const 0))
    (block $done
      (loop $records
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $h (i32.load (i32.add (global.get $hashesBase) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $key (i32.load offset=4 (i32.add (global.get $slotsBase) (i32.shl (i32.and (local.get $h) (global.get $mask)) (i32.const 3)))))
        (if (local.get $key)
          (then (local.set $sum (i32.add (local.get $sum)
            (i32.load offset=12 (i32.add (global.get $poolBase) (i32.sub (local.get $key) (i32.const 1))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $records)))
    (local.get $sum))

  ;; Writes the codes of the batch's keys from `from` on (-1 for an empty one), in order, until
  ;; `count` or a new key that NFC may change; returns where it stopped. The caller gives that one
  ;; its code and goes on from the next.
  (func (export "resolveBatch") (param $from i32) (param $count i32) (result i32)
    (local $i i32) (local $e i32) (local $length i32) (local $code i32)
    (local.set $i (local.get $from))
    (block $done
      (loop $keys
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $e (i32.add (global.get $entriesBase) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $length (i32.load offset=4 (local.get $e)))
        (local.set $code (i32.const -1))
        (if (local.get $length)
          (then
            (local.set $code (call $lookup (i32.load (local.get $e)) (local.get $length)
              (i32.load (i32.add (global.get $hashesBase) (i32.shl (local.get $i) (i32.const 2))))))
            (br_if $done (i32.lt_s (local.get $code) (i32.const 0)))))
        (i32.store (i32.add (global.get $codesBase) (i32.shl (local.get $i) (i32.const 2))) (local.get $code))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $keys)))
    (local.get $i))

  ;; Makes the key area (at `keyBase`) hold `length` bytes (and the slack words read past them), moving the pool and slots up.
  (func (export "keyRoom") (param $length i32) (result i32)
    (local $cap i32) (local $delta i32) (local $bytes i32)
    (local.set $cap (global.get $keyCap))
    (block $enough
      (loop $double
        (br_if $enough (i32.le_u (i32.add (local.get $length) (i32.const 16)) (local.get $cap)))
        (local.set $cap (i32.shl (local.get $cap) (i32.const 1)))
        (br $double)))
    (local.set $delta (i32.sub (local.get $cap) (global.get $keyCap)))
    (if (local.get $delta)
      (then
        (local.set $bytes (i32.sub (i32.add (global.get $slotsBase) (i32.shl (i32.add (global.get $mask) (i32.const 1)) (i32.const 3))) (global.get $poolBase)))
        (call $ensure (i32.add (i32.add (global.get $poolBase) (local.get $delta)) (local.get $bytes)))
        (memory.copy (i32.add (global.get $poolBase) (local.get $delta)) (global.get $poolBase) (local.get $bytes))
        (global.set $poolBase (i32.add (global.get $poolBase) (local.get $delta)))
        (global.set $slotsBase (i32.add (global.get $slotsBase) (local.get $delta)))
        (global.set $keyCap (local.get $cap))))
    (global.get $keyCap))

  ;; Where the areas are.
  (func (export "positionsBase") (result i32) (global.get $positionsBase))
  (func (export "keyBase") (result i32) (global.get $keyBase))
  (func (export "entriesBase") (result i32) (global.get $entriesBase))
  (func (export "codesBase") (result i32) (global.get $codesBase))
  ;; Distinct values so far.
  (func (export "size") (result i32) (global.get $count))
  ;; Where the pool starts, and how many of its bytes the records use (for reading them in order).
  (func (export "poolBase") (result i32) (global.get $poolBase))
  (func (export "poolUsed") (result i32) (global.get $poolUsed))

  ;; Writes the offset (an i32, in `positions`) of every byte of the text's first `length` that
  ;; equals `delimiter`, LF or CR, in order; returns how many it wrote.
  (func (export "index") (param $length i32) (param $delimiter i32) (result i32)
    (local $i i32) (local $o i32) (local $mask i32) (local $rest i32) (local $v v128)
    (local $d v128) (local $lf v128) (local $cr v128)
    (local.set $d (i8x16.splat (local.get $delimiter)))
    (local.set $lf (i8x16.splat (i32.const 10)))
    (local.set $cr (i8x16.splat (i32.const 13)))
    (local.set $o (global.get $positionsBase))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        (local.set $v (v128.load (local.get $i)))
        (local.set $mask (i8x16.bitmask
          (v128.or
            (i8x16.eq (local.get $v) (local.get $d))
            (v128.or (i8x16.eq (local.get $v) (local.get $lf)) (i8x16.eq (local.get $v) (local.get $cr))))))
        ;; The last block keeps only the bits of its bytes inside the window.
        (local.set $rest (i32.sub (local.get $length) (local.get $i)))
        (if (i32.lt_u (local.get $rest) (i32.const 16))
          (then (local.set $mask (i32.and (local.get $mask)
            (i32.sub (i32.shl (i32.const 1) (local.get $rest)) (i32.const 1))))))
        (block $bits
          (loop $each
            (br_if $bits (i32.eqz (local.get $mask)))
            (i32.store (local.get $o)
              (i32.add (local.get $i) (i32.ctz (local.get $mask))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $each)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (i32.shr_u (i32.sub (local.get $o) (global.get $positionsBase)) (i32.const 2)))
)
