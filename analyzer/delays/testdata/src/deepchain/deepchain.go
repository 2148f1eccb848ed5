// Package deepchain is a chain of 40 functions, each calling the next
// twice: every function's delays fact is decided once, so the chain
// costs linear time where following every call would cost 2^40.
package deepchain

import "time"

func L00() { // want L00:"delays\\(20s\\)"
	L01()
	L01()
}

func L01() { // want L01:"delays\\(20s\\)"
	L02()
	L02()
}

func L02() { // want L02:"delays\\(20s\\)"
	L03()
	L03()
}

func L03() { // want L03:"delays\\(20s\\)"
	L04()
	L04()
}

func L04() { // want L04:"delays\\(20s\\)"
	L05()
	L05()
}

func L05() { // want L05:"delays\\(20s\\)"
	L06()
	L06()
}

func L06() { // want L06:"delays\\(20s\\)"
	L07()
	L07()
}

func L07() { // want L07:"delays\\(20s\\)"
	L08()
	L08()
}

func L08() { // want L08:"delays\\(20s\\)"
	L09()
	L09()
}

func L09() { // want L09:"delays\\(20s\\)"
	L10()
	L10()
}

func L10() { // want L10:"delays\\(20s\\)"
	L11()
	L11()
}

func L11() { // want L11:"delays\\(20s\\)"
	L12()
	L12()
}

func L12() { // want L12:"delays\\(20s\\)"
	L13()
	L13()
}

func L13() { // want L13:"delays\\(20s\\)"
	L14()
	L14()
}

func L14() { // want L14:"delays\\(20s\\)"
	L15()
	L15()
}

func L15() { // want L15:"delays\\(20s\\)"
	L16()
	L16()
}

func L16() { // want L16:"delays\\(20s\\)"
	L17()
	L17()
}

func L17() { // want L17:"delays\\(20s\\)"
	L18()
	L18()
}

func L18() { // want L18:"delays\\(20s\\)"
	L19()
	L19()
}

func L19() { // want L19:"delays\\(20s\\)"
	L20()
	L20()
}

func L20() { // want L20:"delays\\(20s\\)"
	L21()
	L21()
}

func L21() { // want L21:"delays\\(20s\\)"
	L22()
	L22()
}

func L22() { // want L22:"delays\\(20s\\)"
	L23()
	L23()
}

func L23() { // want L23:"delays\\(20s\\)"
	L24()
	L24()
}

func L24() { // want L24:"delays\\(20s\\)"
	L25()
	L25()
}

func L25() { // want L25:"delays\\(20s\\)"
	L26()
	L26()
}

func L26() { // want L26:"delays\\(20s\\)"
	L27()
	L27()
}

func L27() { // want L27:"delays\\(20s\\)"
	L28()
	L28()
}

func L28() { // want L28:"delays\\(20s\\)"
	L29()
	L29()
}

func L29() { // want L29:"delays\\(20s\\)"
	L30()
	L30()
}

func L30() { // want L30:"delays\\(20s\\)"
	L31()
	L31()
}

func L31() { // want L31:"delays\\(20s\\)"
	L32()
	L32()
}

func L32() { // want L32:"delays\\(20s\\)"
	L33()
	L33()
}

func L33() { // want L33:"delays\\(20s\\)"
	L34()
	L34()
}

func L34() { // want L34:"delays\\(20s\\)"
	L35()
	L35()
}

func L35() { // want L35:"delays\\(20s\\)"
	L36()
	L36()
}

func L36() { // want L36:"delays\\(20s\\)"
	L37()
	L37()
}

func L37() { // want L37:"delays\\(20s\\)"
	L38()
	L38()
}

func L38() { // want L38:"delays\\(20s\\)"
	L39()
	L39()
}

func L39() { // want L39:"delays\\(20s\\)"
	time.Sleep(20 * time.Second)
}
