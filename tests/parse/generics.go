// tests/parse/generics.go: type parameters in every place the grammar takes
// them, with gc's array-or-parameters readings; `goli parse` and gofmt
// both accept it. Also a seed for tests/fuzz.sh.
package generics

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type List[T any] []T
type Map[K comparable, V any] map[K]V
type Pair[A, B any] struct {
	First  A
	Second B
}
type Ptr[T *C,] struct{}
type Arr [N]int
type Mul [N * 2]int
type Tree[T interface{ Less(T) bool }] struct {
	Left, Right *Tree[T]
	Value       T
}
type Alias = Pair[int, string]

const N = 4

type C int

func (l *List[T]) Push(v T) { *l = append(*l, v) }

func (p Pair[A, B]) Swap() Pair[B, A] { return Pair[B, A]{p.Second, p.First} }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func use() {
	var l List[int]
	l.Push(1)
	fmt.Println(Sum[int](1, 2), Sum(1.5, 2.5), Keys(Map[string, int]{"a": 1}))
	f := Sum[float64]
	_ = f
	_ = Pair[int, string]{1, "a"}.Swap()
}
