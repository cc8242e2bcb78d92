declare module "@develoka/angka-terbilang-js" {
  function angkaTerbilang(value: number | string): string;
  export = angkaTerbilang;
}
