/**
 * Passwords people pick most often, from the published top lists of leaked passwords
 * (international lists and the Chinese sites' lists: CSDN, 163, tianya, 7k7k), lowercase.
 * Entries under 10 characters are refused by length anyway; they stay so that the list reads
 * as what it is and so that a shorter minimum length later still refuses them.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  // digits
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910', '123456789012', '1234567891', '12345678900',
  '0123456789', '01234567890', '9876543210', '987654321', '0987654321', '87654321', '7654321', '654321',
  '111111', '1111111', '11111111', '111111111', '1111111111', '11111111111', '111111111111',
  '000000', '0000000', '00000000', '000000000', '0000000000', '00000000000', '000000000000',
  '222222', '22222222', '2222222222', '333333', '33333333', '3333333333', '444444', '4444444444', '555555', '55555555', '5555555555',
  '666666', '66666666', '666666666', '6666666666', '777777', '77777777', '7777777777', '888888', '88888888', '888888888', '8888888888',
  '999999', '99999999', '999999999', '9999999999', '121212', '12121212', '1212121212', '123123', '123123123', '1231231231', '123123123123',
  '123321', '123321123', '1234554321', '12344321', '1234512345', '123454321', '11223344', '1122334455', '112233445566', '112233',
  '123654', '123654789', '1236547890', '147258', '147258369', '1472583690', '147852', '147852369', '1478523690', '159357', '159753',
  '159357456', '1593574560', '258369', '258369147', '321654', '321654987', '369258147', '456123', '456789', '4567891230', '741852963',
  '7418529630', '789456', '789456123', '7894561230', '789789789', '852963', '963852741', '9638527410', '100200', '1001001001',
  '110110', '110110110', '1101101101', '119119119', '120120120', '131313', '13131313', '1313131313', '31415926', '3141592653',
  '314159265358', '123456654321', '12345654321', '1234567890123', '2580258025', '5201314', '52013145201314', '5201314520',
  '520520520', '5205205205', '1314520', '13145201314', '1314520520', '1314521', '5211314', '5201314000', '201314', '20082008',
  '20102010', '20202020', '19491001', '19880808', '19901010', '1234abcd', '12345abcde', '123456abc', '123456abcd', '123456a',
  '123456aa', '123456789a', '123456789aa', '123456789abc', '1234567890a', '12345678a', '12345678abc', '1234567a',
  // digits and letters
  'a123456', 'a1234567', 'a12345678', 'a123456789', 'a1234567890', 'aa123456', 'aa12345678', 'aa123456789', 'aaa123456789',
  'abc123', 'abc12345', 'abc123456', 'abc1234567', 'abc123456789', 'abcd1234', 'abcd123456', 'abcd12345678', 'abcde12345',
  'abcdef123456', 'abcdefg123', 'abcdefgh', 'abcdefghij', 'abcdefghijk', 'abc123abc123', 'qq123456', 'qq1234567', 'qq12345678',
  'qq123456789', 'qq1234567890', 'qq5201314', 'qwe123', 'qwe123456', 'qwe123qwe123', 'qwe1234567', 'qwer1234', 'qwer123456',
  'qwert12345', 'qwerty', 'qwerty123', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'qwertyu', 'qwertyui', 'qwertyuio',
  'qwertyuiop', 'qwertyuiop123', 'qwertyuiopasdfghjkl', 'asdf1234', 'asdfgh', 'asdfghjk', 'asdfghjkl', 'asdfghjkl123',
  'asdasdasd', 'asdasdasdasd', 'asd123456', 'asd123456789', 'zxcvbn', 'zxcvbnm', 'zxcvbnm123', 'zxcvbnm1234', 'zxcvbnm123456',
  'zxc123456', 'zxc123456789', 'zxczxczxc', '1q2w3e', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u',
  '1qaz2wsx', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', '1qazxsw2', '1qazxsw23edc', '2wsx3edc', 'qazwsx', 'qazwsxedc',
  'qazwsxedcrfv', 'qazwsx123', 'qazwsx123456', 'zaq12wsx', 'zaq1xsw2', 'zaq1xsw2cde3', 'q1w2e3r4', 'q1w2e3r4t5',
  'q1w2e3r4t5y6', 'a1b2c3d4', 'a1b2c3d4e5', 'a1s2d3f4', 'a1s2d3f4g5', 'aaaaaa', 'aaaaaaaa', 'aaaaaaaaaa', 'qqqqqqqq',
  'qqqqqqqqqq', 'abcabcabc', 'abcabcabcabc',
  // words
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssword123',
  'p@ssw0rd123', 'passwordpassword', 'password!', 'password123!', 'admin', 'admin123', 'admin1234', 'admin12345',
  'admin123456', 'administrator', 'root', 'root123456', 'toor', 'guest', 'test', 'test123', 'test123456', 'welcome',
  'welcome1', 'welcome123', 'welcome1234', 'iloveyou', 'iloveyou1', 'iloveyou123', 'iloveyou520', 'iloveyou1314',
  'princess', 'sunshine', 'sunshine1', 'football', 'football1', 'baseball', 'basketball', 'superman', 'batman',
  'dragon', 'dragon123', 'monkey', 'monkey123', 'shadow', 'master', 'master123', 'michael', 'jennifer', 'charlie',
  'letmein', 'letmein123', 'trustno1', 'whatever', 'computer', 'internet', 'starwars', 'freedom', 'hello123',
  'hellohello', 'helloworld', 'hello12345', 'changeme', 'changeme123', 'secret', 'secret123', 'login123', 'default',
  'mustang', 'jordan23', 'liverpool', 'chelsea', 'arsenal', 'pokemon', 'naruto', 'onepiece', 'minecraft',
  'google', 'google123', 'microsoft', 'apple123', 'samsung', 'huawei123', 'xiaomi123', 'taobao', 'taobao123',
  'alipay', 'wechat', 'weixin', 'weixin123', 'tencent', 'baidu', 'baidu123', 'qwertyqwerty', 'dearbook', 'xiazhili',
  // Chinese favourites (pinyin)
  'woaini', 'woaini1314', 'woaini520', 'woaini521', 'woaini123', 'woaini123456', 'woainima', 'woainia', 'woaiwojia',
  'woaiwojia123', 'woaini5201314', 'woaini13145', 'iloveyou5201314', 'aini1314', 'aini5201314', 'ai1314520',
  'wangyut2', 'wodemima', 'wodemima123', 'mima123', 'mima123456', 'mimamima', 'zhang123', 'zhang123456',
  'zhangwei', 'zhangwei123', 'wang123456', 'wangwei', 'wangwei123', 'liu123456', 'li123456', 'chen123456',
  'yang123456', 'zhao123456', 'huang123456', 'zhou123456', 'wu123456', 'xu123456', 'sun123456', 'ma123456',
  'zhongguo', 'zhongguo123', 'china123', 'china2008', 'beijing', 'beijing2008', 'shanghai', 'shanxi', 'shanxi123',
  'taiyuan', 'datong', 'shuozhou', 'pinglu', 'xingfu', 'kuaile', 'kuaile123', 'tiantian', 'tiantianxiangshang',
  'haohaoxuexi', 'xiaoxiao', 'xiaoming', 'xiaoming123', 'nihao', 'nihao123', 'nihao123456', 'wobuzhidao',
  'qingqing', 'yingying', 'tingting', 'jingjing', 'lili1314', 'asd5201314', 'qwe5201314', 'abc5201314',
  'zxc5201314', 'a5201314', 'aa5201314', 'woshishui', 'woshishei', 'shiwo1314', 'dongdong', 'feifei1314',
];
