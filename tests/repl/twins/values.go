package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

type Point struct{ X, Y int }

func show(vs ...any) {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ", "
		}
		if _, ok := v.(fmt.Stringer); ok {
			s += fmt.Sprintf("%v", v)
		} else {
			s += fmt.Sprintf("%#v", v)
		}
	}
	fmt.Println(s)
}

func main() {
	show(42)
	show(-7 / 2)
	show(1 << 40)
	show(3.5 * 2)
	show(1e100)
	show("héllo")
	show('a')
	show(true && false)
	show([]int{1, 2, 3})
	show([3]string{"a", "b"})
	show(map[string]int{"b": 2, "a": 1})
	show(struct {
		A int
		B string
	}{1, "x"})
	show(Point{3, 4})
	show(&Point{5, 6})
	var p *Point
	show(p)
	var e error
	show(e)
	show(errors.New("oops"))
	show(fmt.Errorf("wrap: %w", errors.New("inner")))
	show(time.Duration(1500) * time.Millisecond)
	show(strconv.Atoi("12"))
	show(strconv.Atoi("x"))
	show([]byte("hi"))
	show(nil)
	show(len("abc"))
	show(func() int { return 9 }())
	show(math.Pi)
	show(complex(1, 2))
}
