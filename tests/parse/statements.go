// tests/parse/statements.go: every statement form; `goli parse` and gofmt
// both accept it. Also a seed for tests/fuzz.sh.
package statements

type T struct{ x int }

func f(c chan int, m map[string]int, s []int, x interface{}) (r int, err error) {
	var a, b = 1, 2
	const k = iota
	type local struct{}
	a, b = b, a
	a += 3
	a <<= 1
	a++
	b--
	c <- a
	v, ok := <-c
	_, _ = v, ok
	go func() {}()
	defer close(c)
	if a > b {
	} else if a == b {
	} else {
	}
	if y := a * 2; y > 0 {
	}
	switch a {
	case 1, 2:
		fallthrough
	case 3:
	default:
	}
	switch z := x.(type) {
	case nil, int, *T, []string, map[string]int, func(), chan<- int:
		_ = z
	}
	select {
	case v := <-c:
		_ = v
	case c <- 1:
	case <-c:
	default:
	}
	for {
		break
	}
	for a < 10 {
		a++
	}
	for i := 0; i < 3; i++ {
		continue
	}
	for i, e := range s {
		_, _ = i, e
	}
	for k := range m {
		_ = k
	}
	for range c {
	}
	for i := range 10 {
		_ = i
	}
	var e int
	for e = range s {
	}
Outer:
	for {
		for {
			break Outer
		}
	}
	goto End
End:
	{
		_ = T{x: 1}
	}
	if (T{} == T{}) {
	}
	for _, t := range []T{{1}, {x: 2}} {
		_ = t
	}
	_ = s[1:2:3]
	_ = (*T).String
	_ = []byte("s")
	_ = (func())(nil)
	return a, nil
}

func (T) String() string { return "" }

func external(x int) int
