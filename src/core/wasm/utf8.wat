;; Where the well-formed UTF-8 of a window ends (`utf8Window.ts`): sixteen ASCII bytes at a time
;; (WebAssembly SIMD), the others one character at a time, by the rules of `validUtf8End` in
;; utf8.ts. Source of `utf8Wasm.ts`; rebuild it with `npm run build:wasm` after a change.
(module
  ;; Given by the caller: the window is copied to 0, with 16 bytes of room after it.
  (import "env" "memory" (memory 1))

  ;; Where the well-formed UTF-8 of the window's first `length` bytes ends: `length` when all is,
  ;; -1 at an invalid sequence; with `open` (non-zero), a last character cut by the end is not
  ;; invalid (its bytes so far being continuation bytes) and its start is returned.
  (func (export "end") (param $length i32) (param $open i32) (result i32)
    (local $i i32) (local $b i32) (local $b1 i32) (local $need i32) (local $k i32)
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        ;; Sixteen bytes at once: past the ASCII ones (high bit clear) to the first that is not.
        (if (i32.le_u (i32.add (local.get $i) (i32.const 16)) (local.get $length))
          (then
            (local.set $k (i8x16.bitmask (v128.load (local.get $i))))
            (if (i32.eqz (local.get $k))
              (then
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $step)))
            (local.set $i (i32.add (local.get $i) (i32.ctz (local.get $k))))))
        (local.set $b (i32.load8_u (local.get $i)))
        (if (i32.lt_u (local.get $b) (i32.const 0x80))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $step)))
        (if (i32.or (i32.lt_u (local.get $b) (i32.const 0xc2)) (i32.gt_u (local.get $b) (i32.const 0xf4)))
          (then (return (i32.const -1))))
        (local.set $need
          (select (i32.const 1)
            (select (i32.const 2) (i32.const 3) (i32.lt_u (local.get $b) (i32.const 0xf0)))
            (i32.lt_u (local.get $b) (i32.const 0xe0))))
        ;; A character cut by the end of the window.
        (if (i32.ge_u (i32.add (local.get $i) (local.get $need)) (local.get $length))
          (then
            (if (i32.eqz (local.get $open)) (then (return (i32.const -1))))
            (local.set $k (i32.add (local.get $i) (i32.const 1)))
            (block $checked
              (loop $rest
                (br_if $checked (i32.ge_u (local.get $k) (local.get $length)))
                (if (i32.ne (i32.and (i32.load8_u (local.get $k)) (i32.const 0xc0)) (i32.const 0x80))
                  (then (return (i32.const -1))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $rest)))
            (return (local.get $i))))
        (local.set $b1 (i32.load8_u offset=1 (local.get $i)))
        (if (i32.ne (i32.and (local.get $b1) (i32.const 0xc0)) (i32.const 0x80))
          (then (return (i32.const -1))))
        (if (i32.ge_u (local.get $need) (i32.const 2))
          (then
            (if (i32.ne (i32.and (i32.load8_u offset=2 (local.get $i)) (i32.const 0xc0)) (i32.const 0x80))
              (then (return (i32.const -1))))
            ;; Overlong forms, surrogates, code points beyond U+10FFFF.
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xe0)) (i32.lt_u (local.get $b1) (i32.const 0xa0)))
              (then (return (i32.const -1))))
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xed)) (i32.ge_u (local.get $b1) (i32.const 0xa0)))
              (then (return (i32.const -1))))
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xf0)) (i32.lt_u (local.get $b1) (i32.const 0x90)))
              (then (return (i32.const -1))))
            (if (i32.and (i32.eq (local.get $b) (i32.const 0xf4)) (i32.ge_u (local.get $b1) (i32.const 0x90)))
              (then (return (i32.const -1))))))
        (if (i32.eq (local.get $need) (i32.const 3))
          (then
            (if (i32.ne (i32.and (i32.load8_u offset=3 (local.get $i)) (i32.const 0xc0)) (i32.const 0x80))
              (then (return (i32.const -1))))))
        (local.set $i (i32.add (local.get $i) (i32.add (local.get $need) (i32.const 1))))
        (br $step)))
    (local.get $length))
)
