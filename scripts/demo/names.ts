/** Vietnamese names for the fictional sample city (all NFC). */
import type { Rng } from './random.ts';

export const WARD_NAMES: readonly string[] = [
  'Hòa Bình', 'An Hải', 'Thạch Thang', 'Phước Mỹ', 'Nại Hiên', 'Mỹ An', 'Tân Chính', 'Hải Châu',
  'Thanh Bình', 'Bình Hiên', 'Bình Thuận', 'Hòa Thuận', 'Thuận Phước', 'Chính Gián', 'Thạc Gián',
  'Vĩnh Trung', 'Tam Thuận', 'Xuân Hà', 'An Khê', 'Hòa Khê', 'Nam Dương', 'Phước Ninh', 'Khuê Trung',
  'Hòa Cường', 'Khuê Mỹ', 'Mân Thái', 'Thọ Quang', 'An Hòa', 'Tân An', 'Phú Lộc',
];

export const COMMUNE_NAMES: readonly string[] = [
  'Hòa Phong', 'Hòa Tiến', 'Hòa Nhơn', 'Hòa Sơn', 'Hòa Liên', 'Hòa Ninh', 'Hòa Khương', 'Hòa Châu',
  'Hòa Phước', 'Hòa Bắc', 'Hòa Phú', 'Hòa Tân', 'Hòa Lợi', 'Hòa Trung', 'Hòa Thạnh', 'Hòa Đông',
  'Hòa Mỹ', 'Hòa Vinh', 'Hòa Lạc', 'Hòa An',
];

export const STREET_NAMES: readonly string[] = [
  'Tuyến phố Bạch Đằng', 'Tuyến phố ẩm thực Hoàng Văn Thụ', 'Tuyến phố đi bộ Trần Phú',
  'Tuyến phố văn minh Lê Lợi', 'Tuyến phố ẩm thực Phan Chu Trinh', 'Tuyến phố Hùng Vương',
  'Tuyến phố Ông Ích Khiêm', 'Tuyến phố đêm Nguyễn Văn Linh',
];

const PEOPLE: readonly string[] = [
  'Minh Anh', 'Hùng', 'Linh', 'Tuấn Phát', 'Lan', 'Hoa', 'Thảo', 'Dũng', 'Phương', 'Hải', 'Nga', 'Tâm',
  'Bảo Châu', 'Quang', 'Thủy', 'Sơn', 'Hạnh', 'Đức', 'Hương', 'Trang', 'Khoa', 'Nhung', 'Vy', 'Long',
  'Phúc', 'Thành Đạt', 'Mai', 'Yến', 'Hiếu', 'Cường', 'Ngọc Ánh', 'Kim Oanh', 'Bích', 'Tư', 'Sáu',
  'Cô Ba', 'Bà Năm', 'Chú Bảy', 'Anh Tuấn', 'Thu Hà', 'Hồng Nhung', 'Gia Huy', 'Kiều', 'Vân', 'Lộc',
  'Tín Nghĩa', 'Phát Đạt', 'Hưng Thịnh', 'An Khang', 'Thịnh Vượng', 'Hòa Phát', 'Đại Lợi', 'Kim Long',
];

const SCHOOL_FLOWERS: readonly string[] = ['Hoa Sen', 'Hoa Mai', 'Hướng Dương', 'Sơn Ca', 'Họa Mi', 'Bông Sen', 'Tuổi Thơ', 'Ánh Dương'];
const SCHOOL_PEOPLE: readonly string[] = ['Lê Lợi', 'Nguyễn Du', 'Trần Quốc Toản', 'Lý Tự Trọng', 'Kim Đồng', 'Võ Thị Sáu'];
const STREETS: readonly string[] = ['Lê Duẩn', 'Hùng Vương', 'Nguyễn Chí Thanh', 'Điện Biên Phủ', 'Hàm Nghi', 'Trưng Nữ Vương', 'Núi Thành', 'Tôn Đức Thắng'];

export type CategoryId =
  | 'thuc_pham' | 'hang_tieu_dung' | 'thoi_trang' | 'thu_cong_my_nghe' | 'dich_vu_an_uong'
  | 'cua_hang_tien_loi' | 'minimart' | 'sieu_thi' | 'vien_thong' | 'giao_duc' | 'y_te' | 'tien_ich';

const PREFIXES: Readonly<Record<CategoryId, readonly string[]>> = {
  thuc_pham: ['Sạp rau', 'Thịt heo', 'Hải sản', 'Trái cây', 'Gạo', 'Sạp cá', 'Thực phẩm sạch', 'Đồ khô', 'Gà vịt'],
  hang_tieu_dung: ['Tạp hóa', 'Đồ gia dụng', 'Đại lý bia nước ngọt', 'Điện máy', 'Văn phòng phẩm', 'Mỹ phẩm'],
  thoi_trang: ['Shop thời trang', 'Giày dép', 'Shop quần áo', 'Tiệm may', 'Túi xách', 'Vải sợi'],
  thu_cong_my_nghe: ['Đồ gỗ mỹ nghệ', 'Đá mỹ nghệ Non Nước', 'Mây tre đan', 'Gốm', 'Quà lưu niệm', 'Tranh thêu'],
  dich_vu_an_uong: ['Quán phở', 'Bún chả cá', 'Cà phê', 'Mì Quảng', 'Bánh xèo', 'Quán nhậu', 'Bánh mì', 'Trà sữa', 'Cơm gà', 'Quán ốc', 'Bún bò'],
  cua_hang_tien_loi: ['Cửa hàng tiện lợi'],
  minimart: ['Minimart', 'Bách hóa', 'Siêu thị mini'],
  sieu_thi: ['Siêu thị'],
  vien_thong: ['Cửa hàng điện thoại', 'Đại lý sim thẻ', 'Sửa điện thoại', 'Phụ kiện điện thoại'],
  giao_duc: ['Trung tâm Anh ngữ', 'Nhà sách', 'Trung tâm tin học'],
  y_te: ['Nhà thuốc', 'Phòng khám', 'Nha khoa', 'Quầy thuốc'],
  tien_ich: [],
};

const CONVENIENCE_CHAINS: readonly string[] = ['Circle K', 'GS25', 'WinMart+', 'FamilyMart', 'Ministop'];
const SUPERMARKETS: readonly string[] = ['Siêu thị Co.op Food', 'Siêu thị WinMart', 'Siêu thị Thành Phố Mẫu', 'Siêu thị Bách Hóa Xanh'];

/** A shop name that fits the category; a few contain a comma or double quotes (CSV quoting). */
export function merchantName(rng: Rng, category: CategoryId, wardShort: string): string {
  const person = rng.pick(PEOPLE);
  let name: string;
  switch (category) {
    case 'cua_hang_tien_loi':
      name = rng.chance(0.7) ? `${rng.pick(CONVENIENCE_CHAINS)} ${rng.pick(STREETS)}` : `Cửa hàng tiện lợi ${person}`;
      break;
    case 'sieu_thi':
      name = rng.chance(0.6) ? `${rng.pick(SUPERMARKETS)} ${wardShort}` : `Siêu thị ${person}`;
      break;
    case 'giao_duc':
      name = rng.weighted<string>([
        [`Trường Mầm non ${rng.pick(SCHOOL_FLOWERS)}`, 3],
        [`Trường Tiểu học ${rng.pick(SCHOOL_PEOPLE)}`, 1],
        [`${rng.pick(PREFIXES.giao_duc)} ${person}`, 3],
      ]);
      break;
    case 'tien_ich':
      name = rng.pick([
        `Điểm thu tiền điện ${wardShort}`,
        `Điểm thu tiền nước ${wardShort}`,
        `Tổ thu phí vệ sinh môi trường ${wardShort}`,
        `Điện lực ${wardShort}`,
      ]);
      break;
    default:
      name = rng.chance(0.012) ? `${rng.pick(PREFIXES[category])} "${person}"` : `${rng.pick(PREFIXES[category])} ${person}`;
  }
  const r = rng.next();
  if (r < 0.015) name = `${name}, chi nhánh ${rng.int(2, 4)}`;
  else if (r < 0.025) name = `${name}, ${wardShort}`;
  return name.normalize('NFC');
}
