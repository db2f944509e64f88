package memo

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Key identifies an entry: the SHA-256 of the values it was made from.
type Key [32]byte

// String returns the key's first bytes in hex, for messages and tests.
func (k Key) String() string { return hex.EncodeToString(k[:8]) }

// Of returns the key of values, in order. The encoding follows the
// values by reflection, so every field of every struct counts, whether
// it is exported or not, and a field added to a type later counts too:
//
//   - Booleans, numbers and strings are written with their kind; strings
//     and byte slices with their length. A Key is written as its bytes,
//     so keys compose: Of(shared, more) extends the key shared.
//   - Slices and arrays are written element by element with their length.
//   - Maps are written with their entries sorted by the encoding of their
//     keys, so their iteration order does not matter.
//   - An interface is written as its dynamic type's package path and name,
//     then its value; nil interfaces, pointers, slices and maps are
//     written as nil.
//   - A pointer or map is followed the first time a key meets it;
//     meeting it again writes a reference to that first time instead, so
//     cycles (a page's .Site lists the page) end, and every pointer is
//     followed once.
//   - Struct fields are written in order, except fields tagged
//     `memo:"-"`: caches, and data a stage hashes on its own terms (such
//     as a text, hashed by the stage that renders it). Structs of the
//     packages sync and sync/atomic are skipped: their state is how
//     goroutines coordinate, not data.
//   - Functions, channels and unsafe pointers are written as their kind
//     only: a stage's code is not its input.
//   - A pointer whose type implements Keyer is written as the key its
//     MemoKey method returns, which lets a value that does not change
//     once made compute its key once.
//
// The encoder only reads. To call MemoKey, and to range over common maps
// without reflecting on each entry, on values reached through unexported
// fields, it reads them through unsafe.Pointer (see readable).
func Of(values ...any) Key {
	e := newEncoder()
	defer e.free()
	for _, v := range values {
		e.any(v)
	}
	return e.sum()
}

// The types of which keys are mostly made, and their names as iface
// writes them.
var (
	keyType       = reflect.TypeFor[Key]()
	hashType      = reflect.TypeFor[[32]byte]()
	hashSliceType = reflect.TypeFor[[][32]byte]()
)

// any writes v exactly as iface(reflect.ValueOf(v)) does, without
// reflection for strings, keys and hashes, which most keys are made of:
// a dev server rebuild makes a few thousand keys.
func (e *encoder) any(v any) {
	switch x := v.(type) {
	case string:
		e.ifaceHeader("", "string")
		e.string(tagString, x)
	case Key:
		e.ifaceHeader(keyType.PkgPath(), keyType.String())
		e.bytes(tagBytes, x[:])
	case [32]byte:
		e.ifaceHeader(hashType.PkgPath(), hashType.String())
		e.bytes(tagBytes, x[:])
	case [][32]byte:
		e.ifaceHeader(hashSliceType.PkgPath(), hashSliceType.String())
		if x == nil {
			e.byte(tagNil)
			return
		}
		e.byte(tagSeq)
		e.uint(uint64(len(x)))
		for i := range x {
			e.bytes(tagBytes, x[i][:])
		}
	default:
		e.iface(reflect.ValueOf(v))
	}
}

// ifaceHeader writes what iface writes before a value: its dynamic type.
func (e *encoder) ifaceHeader(pkgPath, name string) {
	e.byte(tagIface)
	e.string(tagString, pkgPath)
	e.string(tagString, name)
}

// OfTarget returns the key of what the pointer p points to, written as Of
// writes it but without calling p's MemoKey method: it is how MemoKey
// computes a key.
func OfTarget(p any) Key {
	e := newEncoder()
	defer e.free()
	v := reflect.ValueOf(p).Elem()
	e.string(tagString, v.Type().PkgPath())
	e.string(tagString, v.Type().String())
	e.value(v)
	return e.sum()
}

// Keyer is implemented by pointers to values that compute their own key,
// such as a parsed file that is kept across builds and never changes: its
// MemoKey can hash it once, with OfTarget, and return that key afterwards. The
// key must change whenever anything Of would write of the value does.
type Keyer interface {
	MemoKey() Key
}

// keyerType is Keyer's type.
var keyerType = reflect.TypeFor[Keyer]()

// The kinds of value, written before each.
const (
	tagNil byte = iota + 1
	tagBool
	tagInt
	tagUint
	tagFloat
	tagComplex
	tagString
	tagBytes
	tagSeq
	tagMap
	tagStruct
	tagIface
	tagPtr
	tagRef
	tagCode
)

// encoder writes values to a hash. It buffers small writes.
type encoder struct {
	h    hash.Hash
	buf  []byte
	seen map[target]int // pointer → its index in the order first met
}

// target is where a pointer points: its address and what it points to
// there (a struct and its first field share an address).
type target struct {
	addr uintptr
	t    reflect.Type
}

// encoders keeps encoders for reuse: most keys are small.
var encoders = sync.Pool{New: func() any {
	return &encoder{h: sha256.New(), buf: make([]byte, 0, 4096), seen: map[target]int{}}
}}

// newEncoder returns an empty encoder; free returns it.
func newEncoder() *encoder {
	return encoders.Get().(*encoder)
}

func (e *encoder) free() {
	e.h.Reset()
	e.buf = e.buf[:0]
	clear(e.seen)
	encoders.Put(e)
}

func (e *encoder) sum() (k Key) {
	e.flush()
	e.h.Sum(k[:0])
	return k
}

func (e *encoder) flush() {
	e.h.Write(e.buf)
	e.buf = e.buf[:0]
}

func (e *encoder) byte(b byte) {
	e.buf = append(e.buf, b)
	if len(e.buf) >= 4000 {
		e.flush()
	}
}

func (e *encoder) uint(u uint64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, u)
	if len(e.buf) >= 4000 {
		e.flush()
	}
}

func (e *encoder) bytes(tag byte, b []byte) {
	e.byte(tag)
	e.uint(uint64(len(b)))
	if len(b) > 1024 {
		e.flush()
		e.h.Write(b)
		return
	}
	e.buf = append(e.buf, b...)
}

func (e *encoder) string(tag byte, s string) {
	e.byte(tag)
	e.uint(uint64(len(s)))
	if len(s) > 1024 {
		e.flush()
		e.h.Write([]byte(s))
		return
	}
	e.buf = append(e.buf, s...)
}

// iface writes v with its dynamic type, as a value held in an interface.
func (e *encoder) iface(v reflect.Value) {
	if !v.IsValid() {
		e.byte(tagNil)
		return
	}
	t := v.Type()
	e.ifaceHeader(t.PkgPath(), t.String())
	e.value(v)
}

// value writes v, whose type the context gives.
func (e *encoder) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		e.byte(tagBool)
		if v.Bool() {
			e.byte(1)
		} else {
			e.byte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.byte(tagInt)
		e.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.byte(tagUint)
		e.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.byte(tagFloat)
		e.uint(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		e.byte(tagComplex)
		e.uint(math.Float64bits(real(c)))
		e.uint(math.Float64bits(imag(c)))
	case reflect.String:
		e.string(tagString, v.String())
	case reflect.Slice, reflect.Array:
		e.seq(v)
	case reflect.Map:
		e.mapValue(v)
	case reflect.Struct:
		e.structValue(v)
	case reflect.Interface:
		e.iface(v.Elem())
	case reflect.Pointer:
		e.pointer(v)
	default: // Func, Chan, UnsafePointer
		e.byte(tagCode)
		e.byte(byte(v.Kind()))
	}
}

// seq writes a slice or an array.
func (e *encoder) seq(v reflect.Value) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		e.byte(tagNil)
		return
	}
	if v.Type().Elem().Kind() == reflect.Uint8 {
		e.bytes(tagBytes, byteSlice(v))
		return
	}
	e.byte(tagSeq)
	n := v.Len()
	e.uint(uint64(n))
	for i := 0; i < n; i++ {
		e.value(v.Index(i))
	}
}

// byteSlice returns the bytes of a byte slice or array.
func byteSlice(v reflect.Value) []byte {
	if v.Kind() == reflect.Slice || v.CanAddr() {
		return v.Bytes()
	}
	b := make([]byte, v.Len())
	for i := range b {
		b[i] = byte(v.Index(i).Uint())
	}
	return b
}

// pointer writes what p points to, or a reference to where it was met.
func (e *encoder) pointer(p reflect.Value) {
	if p.IsNil() {
		e.byte(tagNil)
		return
	}
	if e.met(p) {
		return
	}
	if implementsKeyer(p.Type()) {
		if u := readable(p); u.IsValid() {
			k := u.Interface().(Keyer).MemoKey()
			e.bytes(tagBytes, k[:])
			return
		}
	}
	e.byte(tagPtr)
	e.value(p.Elem())
}

// keyers caches implementsKeyer by type.
var keyers sync.Map

// implementsKeyer reports whether the pointer type t implements Keyer.
func implementsKeyer(t reflect.Type) bool {
	if ok, found := keyers.Load(t); found {
		return ok.(bool)
	}
	ok := t.Implements(keyerType)
	keyers.Store(t, ok)
	return ok
}

// met reports whether the pointer or map p was met before, and if so
// writes a reference to the first time; else it records p.
func (e *encoder) met(p reflect.Value) bool {
	t := target{p.Pointer(), p.Type()}
	if i, ok := e.seen[t]; ok {
		e.byte(tagRef)
		e.uint(uint64(i))
		return true
	}
	e.seen[t] = len(e.seen)
	return false
}

// mapValue writes a map's entries sorted by their keys' encodings. Like
// a pointer, a map is followed the first time a key meets it.
func (e *encoder) mapValue(m reflect.Value) {
	if m.IsNil() {
		e.byte(tagNil)
		return
	}
	if e.met(m) {
		return
	}
	e.byte(tagMap)
	e.uint(uint64(m.Len()))
	if e.commonMap(m) {
		return
	}
	if m.Type().Key().Kind() == reflect.String {
		type entry struct {
			key string
			val reflect.Value
		}
		entries := make([]entry, 0, m.Len())
		if u := readable(m); u.IsValid() {
			k := reflect.New(m.Type().Key()).Elem() // reused: no copy of each key
			for it := u.MapRange(); it.Next(); {
				k.SetIterKey(it)
				entries = append(entries, entry{k.String(), it.Value()})
			}
		} else {
			for it := m.MapRange(); it.Next(); {
				entries = append(entries, entry{it.Key().String(), it.Value()})
			}
		}
		slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
		for _, en := range entries {
			e.string(tagString, en.key)
			e.value(en.val)
		}
		return
	}
	type entry struct {
		key []byte
		val reflect.Value
	}
	entries := make([]entry, 0, m.Len())
	for it := m.MapRange(); it.Next(); {
		entries = append(entries, entry{encodeAlone(it.Key()), it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
	for _, en := range entries {
		e.bytes(tagBytes, en.key)
		e.value(en.val)
	}
}

// commonMap writes the maps that front matter and configuration are
// made of without reflecting on each entry, as mapValue would write
// them; it reports whether m was one of them.
func (e *encoder) commonMap(m reflect.Value) bool {
	u := readable(m)
	if !u.IsValid() {
		return false
	}
	switch mm := u.Interface().(type) {
	case map[string]any:
		for _, k := range sortedKeys(mm) {
			e.string(tagString, k)
			e.iface(reflect.ValueOf(mm[k]))
		}
	case map[string]int:
		for _, k := range sortedKeys(mm) {
			e.string(tagString, k)
			e.byte(tagInt)
			e.uint(uint64(mm[k]))
		}
	case map[string]string:
		for _, k := range sortedKeys(mm) {
			e.string(tagString, k)
			e.string(tagString, mm[k])
		}
	default:
		return false
	}
	return true
}

// sortedKeys returns m's keys, sorted, in one allocation.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// readable returns v such that its Interface method may be called, also
// when v was reached through an unexported field, or the zero Value when
// that is not possible (v is not addressable). The encoder only reads
// what it returns.
func readable(v reflect.Value) reflect.Value {
	switch {
	case v.CanInterface():
		return v
	case v.CanAddr():
		return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	return reflect.Value{}
}

// encodeAlone returns the hash of a map key's encoding on its own, with
// its own pointers, so that it sorts the same wherever the map is met.
func encodeAlone(v reflect.Value) []byte {
	k := newEncoder()
	defer k.free()
	k.value(v)
	sum := k.sum()
	return sum[:]
}

// structValue writes a struct's fields, as structFields selects them.
func (e *encoder) structValue(v reflect.Value) {
	info := fieldsOf(v.Type())
	if info.skip {
		return
	}
	e.byte(tagStruct)
	for _, i := range info.fields {
		e.value(v.Field(i))
	}
}

// structInfo is what the encoder writes of a struct type.
type structInfo struct {
	skip   bool  // a type of sync or sync/atomic
	fields []int // the indexes of the fields to write
}

// structInfos caches structInfo by type.
var structInfos sync.Map

// fieldsOf returns the fields of t to write: all but those tagged
// `memo:"-"`.
func fieldsOf(t reflect.Type) *structInfo {
	if info, ok := structInfos.Load(t); ok {
		return info.(*structInfo)
	}
	info := &structInfo{skip: t.PkgPath() == "sync" || t.PkgPath() == "sync/atomic"}
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("memo") != "-" {
			info.fields = append(info.fields, i)
		}
	}
	structInfos.Store(t, info)
	return info
}
