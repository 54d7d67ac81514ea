// The most common passwords, global and Chinese, that the password policy rejects (OWASP ASVS 2.1.7).
// Compiled by hand from what leaked-password studies keep finding at the top; compared case-insensitively.

// One whitespace-separated string keeps ~2,000 entries compact; it is split once into a Set.
const LIST = `
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 1234 123 654321 666666 888888 112233
121212 123321 123654 123qwe 123abc 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 1qaz2wsx3edc zaq12wsx zaq1zaq1 zaq1xsw2
qwerty qwerty1 qwerty12 qwerty123 qwerty1234 qwertyu qwertyui qwertyuiop qwert qwer1234 qweasd qweasdzxc qweqwe
qwe123 qwe123qwe qwe12345 qweasd123 asdfgh asdfghjk asdfghjkl asdf1234 asdasd asdasd123 asd123 asd12345 asdfasdf
zxcvbn zxcvbnm zxcvbnm123 zxc123 zxcasdqwe zxczxc 1234qwer qazwsx qazwsxedc qazwsx123 wsxedc 2wsx3edc
abc123 abc1234 abc12345 abc123456 abcd1234 abcdef abcdefg abcdefgh abcd123 a123456 a1234567 a12345678 a123456789
aa123456 aa12345678 aaa111 aaaaaa aaaaaaaa a1b2c3 a1b2c3d4 a1s2d3f4 abcabc 123abc456 abc123abc 1a2b3c4d
password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword pa55word pa55w0rd passwd
pass1234 pass123 pass12345 password! password01 mypassword thepassword secret secret123 letmein letmein1
welcome welcome1 welcome123 admin admin123 admin1234 admin888 admin666 admin@123 administrator root root123
toor test test123 test1234 guest guest123 user user123 default changeme login master master123 sysadmin
iloveyou iloveyou1 iloveyou2 iloveu ilovey0u loveyou love love123 lovely lovelove loveme iloveme princess
monkey dragon sunshine shadow football baseball basketball soccer hockey superman batman trustno1 michael
jordan jordan23 harley ranger hunter buster thomas tigger robert charlie andrew daniel jennifer jessica
ashley bailey nicole michelle amanda summer freedom whatever qazwsxedc starwars killer pepper ginger joshua
maggie cheese computer internet samsung apple google facebook twitter yahoo hotmail gmail microsoft windows
dolphin flower chocolate cookie butterfly purple orange banana hello hello123 hello1234 helloworld hi123456
football1 baseball1 mustang mustang1 corvette ferrari porsche mercedes yamaha hondacivic chelsea arsenal
liverpool barcelona realmadrid manchester juventus 1qaz@wsx qwer!@#$ !qaz2wsx !@#$%^ !@#$%^&* 1q2w3e! qwerty!
passw0rd! abc!123 abc@123 qwe!@# 1q2w3e4r! p@$$w0rd p@55w0rd p4ssw0rd pa$$word pa$$w0rd
123123123 123321123 111222 112211 121314 123456a 123456aa 123456abc 123456qwe 123456789a 12345678a 1234567a
12345a 12345qwe 12345abc 1234abcd 1234qwerty 12qwaszx 12345678910 1234567891 0123456789 9876543210 987654321
98765432 987654 876543 7654321 147258 147258369 147852 147852369 159357 159753 159753258 258369 258456 321321
369258 369369 456456 456789 456123 741852 741852963 753951 789456 789456123 789789 852456 963852741 951753
112358 11235813 13579 135790 2468 24680 246810 1111 11111 111111111 1111111111 11111111 1234321 12344321
222222 22222222 333333 33333333 444444 44444444 555555 55555555 666666666 66666666 777777 77777777 888888888
88888888 999999 99999999 000000000 00000000 0000000000 101010 12121212 13131313 1313 131313 141414 151515
202020 212121 232323 252525 010101 01010101 1010101010 112112 110110 119119 120120 114114 121121 123789
520520 521521 5201314 52013145 520131400 1314520 13145200 131452000 5211314 521314 25251325 584520 5845201314
7758521 7758258 77585210 147258369a 5201314a 52013144 1314521 0000 00000 000000a 1qaz1qaz 2wsx2wsx
woaini woaini1314 woaini520 woaini521 woaini123 woaini1234 woaini12345 woaini123456 woaini1 woaini5201314
woaiwojia woaini888 woainima aini1314 ai1314 ini1314 wohenaini woxiangni iloveyou1314 loveyou1314 love1314
love520 love5201314 5201314love qq123456 qq123456789 qq5201314 qq666666 qq888888 qq111111 qq112233 qqqqqq
qqqqqqqq qq1234 qq12345 qq1234567 qq12345678 qqq111 qqq123 qwqwqw wangyang wangjian wanglei wangjing wangwei
wangyan wanghao wangfei wangxin wangpeng zhangwei zhangjie zhangtao zhanglei zhangjing zhangyan zhanghao
zhangyu zhangxin zhangyang liuyang liwei lijun lijie lixin liming lihua lilei lihong chenjie chenlong
chenyu chenchen zhaolei zhaojing yangyang huanghao zhoujie wuhan shanghai beijing shenzhen guangzhou
nanjing hangzhou chengdu chongqing tianjin xiamen zhongguo zhongguo123 china123 china1234 chinese woshishui
woshiwo wodemima mima123 mima1234 mimamima nihao nihao123 nihaoma xiaoming xiaohong xiaoxiao xiaoyu
xiaofeng xiaolong xiaobai xiaoqiang xiaowei xiaojie xiaoyan xiaozhu xiaomi xiaomi123 huawei huawei123
baidu baidu123 taobao taobao123 alibaba tencent tencent123 weixin weixin123 wechat wechat123 qingqing
tingting lingling fangfang yingying jingjing lili1234 huahua dandan feifei meimei lele123 zhuzhu
xingxing yueyue tiantian xuexue haohao mingming qianqian shuang wanwan wenwen xinxin yuyu1234 zz123456
zxc123456 asd123456 qwe123456 abc888888 aa888888 a888888 a666666 a111111 a123123 a1314520 a5201314
a520520 aa5201314 aaa123456 aaaa1111 ab123456 abc5201314 woaini1314520 w123456 w123456789 wang123456
wang1234 zhang123 zhang123456 liu123456 li123456 chen123456 yang123456 zhao123456 huang123456 zhou123456
wu123456 xu123456 sun123456 ma123456 zhu123456 hu123456 guo123456 he123456 lin123456 luo123456
z123456 z123456789 l123456 x123456 y123456 s123456 q123456 q1234567 q12345678 q123456789 c123456
d123456 m123456 j123456 h123456 123456q 123456z 123456w 123456l 123456x 123456s 123456m 123456j
caonima caonima123 nimabi shabi shabi123 tamade wocao fuckyou fuckyou1 fuck123 fuckoff asshole
bitch bitch123 sexy sex123 sexsex 69696969 696969 8888 88888 888999 886886 168168 168888 518518 518888
816816 123168 1688 16888888 66668888 88886666 999888 668899 66666666 6666666 8888888 88888888a
kingdom sunday monday friday saturday january february september october november december spring
winter autumn happy happy123 happyday smile smile123 angel angel123 angela baby baby123 babygirl
babyboy sweet sweety sweetheart honey honey123 forever forever1 together family family123 mother
father mommy daddy sister brother friend friends bestfriend 1friend lucky lucky123 lucky888 lucky7
goodluck success money money123 money888 rich666 dream dreams dreamer heaven hell666 god123 jesus
jesus1 christ blessed blessing faith hope love4ever loveyou2 iloveyou! ilove1314 imissyou missyou
qwertz qwertz123 azerty azerty123 azertyuiop 1qay2wsx 1q2w3e4 12qw12qw qw12qw12 qwer4321 4321qwer
1234zxcv zxcv1234 asdf123 asdfg123 asdfghj zxcvb zxcvbnm1 qazxsw 1qazxsw 1qaz@wsx3edc 1q2w3e4r5t6y
q1w2e3r4 q1w2e3r4t5 q1w2e3 q1w2e3r4t5y6 a1s2d3 z1x2c3 1a2s3d4f 1z2x3c4v zaqwsx zaq12345 xsw2zaq1
qazqaz qwe321 ewq321 321qwe asd321 qwaszx qwaszx12 poiuytrewq poiuyt lkjhgfdsa mnbvcxz 0987654321
09876543 1029384756 1qazzaq1 zaqxsw qawsed qwerasdf qwerasdfzxcv asdzxc qweasdzxc123 pass word pass1
pass12 pass123456 passport passpass password2 password3 password11 password99 password2020 password2021
password2022 password2023 password2024 password2025 p@ssword1 p@ssw0rd1 p@ssw0rd123 Passw0rd1 passw0rd1
passw0rd123 password@123 password#1 password1! admin1 admin12 admin12345 admin123456 admin2020 admin2021
admin2022 admin2023 admin2024 admin2025 admin@1234 admin#123 admin!@# administrator1 adminadmin root1234
root12345 root123456 rootroot r00t toor123 system system123 manager manager123 operator operator1
support support123 service service123 server server123 oracle oracle123 mysql mysql123 postgres
postgres123 database database1 backup backup123 demo demo123 demo1234 temp temp123 temp1234 test1
test12 test12345 test123456 testing testing123 tester qa123456 dev123 developer guest1 guest1234
user1 user1234 user12345 user123456 username login123 logon welcome12 welcome2020 welcome2021
welcome2022 welcome2023 welcome2024 welcome01 welcome@123 changeme1 changeme123 newpassword newpass
newpass123 nopassword letmein123 letmein! openup opensesame access access123 access14 accessdenied
security security1 secure secure123 private private1 secret1 secret12 topsecret hidden unknown
default1 default123 sample example 1234567890a 1234567890q 12345678q 12345678z 12345678abc
2000 2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2019
2020 2021 2022 2023 2024 2025 19491001 19801010 19881988 19891989 19901990 19911991 19921992 19931993
19941994 19951995 19961996 19971997 19981998 19991999 20002000 20082008 20102010 20202020 20212021 20222022
20232023 20242024 20252025 1980 1981 1982 1983 1984 1985 1986 1987 1988 1989 1990 1991 1992 1993 1994
1995 1996 1997 1998 1999 19800101 19900101 19910101 19920101 19930101 19940101 19950101 19960101 19970101
19980101 19990101 20000101 20010101 20200101 12301230 11223344 1122334455 11112222 12341234 123412341234
12121212 12312312 12341234a 1234512345 123456123456 12345612 11221122 12211221 13141314 13145201314
a12345 a1234 a123 abc12 abc123! abcd12345 abcde abcde123 abcde12345 abcdefg1 abcdefg123 abcdefgh1
abcdefghi abcdefghij aaaaa aaaaaaa aaaaaaaaa aaaaaaaaaa aaa aaa123 aaa12345 aaa111222 aaaa aaaa1234
aaaaaa1 abab1234 abcabc123 qweqwe123 qweqweqwe asdasdasd zxczxczxc 123qweasd 123qweasdzxc 123qwe123
123qwe!@# 123asd 123zxc 123aaa 123456aaa 123456789abc 123456789q 123456789qwe 123456789z qwer123
qwer12345 qwer123456 qwerqwer qwertyuio qwertyuiop123 qwerty12345 qwerty123456 qwerty7 qwerty11
1qwerty qwerty2 qwertyu1 superman1 superman123 batman1 batman123 spiderman spider ironman captain
hulk thor marvel pokemon pikachu naruto sasuke goku dragonball onepiece luffy doraemon hellokitty
kitty kitty123 snoopy mickey minnie garfield tweety donald pooh winnie teddy teddybear bear panda
panda123 tiger tiger123 lion lion123 eagle falcon wolf wolf123 fox dog dog123 doggy puppy cat cat123
kitten bunny rabbit monkey1 monkey12 monkey123 donkey horse horses cowboy cowboys dragon1 dragon12
dragon123 dragons phoenix unicorn rainbow sunshine1 sunflower rose roses lily daisy tulip jasmine
cherry strawberry apple123 peach lemon mango coconut pineapple watermelon blueberry cookie1 cookies
cupcake candy candy123 sugar chocolate1 coffee tea milk pizza burger hotdog pepsi cocacola sprite
shadow1 shadow12 shadow123 master1 master12 master1234 killer1 killer123 hunter1 hunter2 hunter123
ranger1 soccer1 soccer12 soccer123 hockey1 football12 football123 basketball1 baseball12 tennis golf
golfer golfing swimming running skater surfer snowboard ninja ninja123 samurai warrior warriors knight
legend legend1 genius hacker hacker123 matrix neo morpheus zion trinity starwars1 yoda jedi darthvader
skywalker gandalf frodo hobbit merlin wizard magic magic123 mystery secret7 zombie vampire ghost
diamond diamonds crystal silver golden gold123 platinum jewel pearl ruby emerald sapphire star stars
superstar rockstar starlight moonlight midnight sunrise sunset ocean river mountain forest nature earth
planet galaxy universe cosmos space rocket thunder lightning storm blizzard tornado hurricane fire
firefly fireball ice snow snowball snowflake winter1 summer1 summer12 summer123 spring1 autumn1
michael1 jordan1 jordan123 jennifer1 jessica1 ashley1 nicole1 amanda1 daniel1 andrew1 joshua1
thomas1 robert1 charlie1 charlie123 william william1 richard richard1 joseph joseph1 david david1
james james1 john john123 johnny johnson jackson jack jack123 jake jason jason1 justin justin1 kevin
kevin1 brian brian1 steven steve steven1 matthew matthew1 anthony anthony1 christopher chris chris123
mark mark123 paul peter peter123 patrick george george1 edward frank henry harry harry123 oliver
jacob ethan ryan ryan123 tyler brandon austin dylan nathan aaron adam alex alex123 alexander alexis
sam samuel sammy scott sean simon victor vincent martin martin1 eric eric123 tony tony123 jimmy
bobby billy danny dennis eddie jeff jerry larry leo lucas max max123 maxwell mike mike123 nick
oscar sebastian tom tommy zack sarah sarah1 emily emma emma123 olivia sophia sophie isabella mia
chloe grace hannah lauren megan rachel rebecca samantha stephanie taylor victoria elizabeth anna
maria mary linda lisa laura karen susan nancy betty helen sandra donna carol ruth sharon amy amy123
angela1 melissa brenda tiffany vanessa natalie monica erica andrea alice annie bella jenny julia
julie kate katie kelly lucy molly nina sara tina wendy zoe iloveyou12 iloveyou123 iloveyou2
loveyou1 love1234 love12345 love123456 lover lovers lovebug loveme1 lovely1 lovelove1 mylove
mylove1 myheart truelove sweetlove firstlove babylove loveu loveu2 iluvu iloveu2 ilovegod
ilovemom ilovemyself 520 521 1314 5201314520 5211314521 3344520 3344521 521125 1314woaini
aishang aiqing xingfu kuaile xihuan xiangni yongyuan qinqin baobao baobei baobei123 laopo laogong
laopo123 laogong123 mama papa mama123 baba123 meinv shuaige gege jiejie didi meimei123 pengyou
tongxue laoshi xuesheng zhongwen hanzi pinyin kaixin kaixin123 jiayou fighting fighting1 wanmei
tianshi mofa shijie xingkong yueliang taiyang dongfang nanfang xibei huanghe changjiang taishan
huangshan jinan dalian qingdao shenyang harbin wuxi suzhou ningbo fuzhou changsha kunming xian
lanzhou hefei nanning guiyang taiyuan shijiazhuang zhengzhou nanchang haikou lasa urumqi hongkong
taiwan taipei macau 86868686 8686 668866 666888 888666 800800 400400 123000 100200 200300
asdf qwer zxcv 1qaz 2wsx 3edc 4rfv 5tgb 6yhn 7ujm qaz wsx edc rfv tgb yhn ujm 1qaz2wsx3edc4rfv
zaq1@wsx qazwsx1 qazwsx12 qazwsx1234 qazwsxedc1 qazwsxedc123 qazwsxedcrfv wsxzaq zxcvbnm12 zxcvbn1
zxcvbn123 asdfghjkl1 asdfghjkl123 asdfgh1 asdfgh123 asdfjkl asdfjkl; jkl; ;lkjhgfdsa 1z2x3c zxc123zxc
poiu1234 lkjh1234 mnbv1234 09876 0987 qwerty09 qwerty00 qwerty01 asdfg asdfg12345 zxcvb123
1qa2ws3ed 1qa2ws3ed4rf qwertasdfg qwertasdfgzxcvb 1234asdf asdf12345 asdfqwer qwerasdf1234
football7 soccer7 king king123 kingkong queen queen123 prince prince1 princess1 princesa royal
boss boss123 bigboss chief leader hero hero123 superhero champion champion1 winner winner1 victory
power power123 strong strength energy action speed speedy fast racer racing turbo ferrari1 porsche911
bmw bmw123 audi audi123 toyota honda nissan mazda lexus tesla volvo jaguar lambo lamborghini bugatti
harley1 ducati kawasaki suzuki yamaha1 scooter bicycle motorbike motorola nokia nokia123 iphone
iphone123 ipad android android1 samsung1 sony sony123 lenovo acer asus dell hp123 intel amd nvidia
xbox xbox360 playstation ps4 ps5 nintendo mario mario123 zelda sonic tetris minecraft minecraft1
roblox fortnite pubg csgo dota dota2 warcraft starcraft diablo lineage legend123 lol123 league
gamer gaming player player1 game game123 games computer1 laptop desktop keyboard mouse monitor
printer network internet1 website webmaster online offline wireless bluetooth digital cyber
technology science biology physics chemistry math math123 history english english1 chinese1 japan
japanese korea korean america american canada canadian london paris france french germany german
berlin italia italy roma spain madrid russia moscow india brazil mexico australia sydney tokyo
seoul singapore bangkok vietnam europe africa asia usa123 newyork chicago texas california florida
boston seattle dallas vegas miami hawaii
happy1 happy12 happy2 happiness joy joyful funny funny123 crazy crazy1 crazy123 cool cool123
coolguy coolman hot hottie sexy1 sexy123 sexygirl pretty pretty1 beauty beautiful cute cute123
cutie cutie1 sweetie sweet123 babe babes baby1 baby12 babydoll angel1 angel12 angels angelina
devil devil666 evil demon satan 666 6666 66666 666777 777 7777 77777 7777777 777777777 999 9999 99999
9999999 999999999 321 4321 54321 654321a 7654321a 111222333 112233445566 123123a 123123qwe 123123abc
123qweasd! 321654 321654987 456852 123987 147369 159951 357159 357951 963258 963852 852963 741963
147963 1472583690 1593572468 1470258369 a147258369 q147258369 z147258369 zxcvbnm, qwertyuiop[]
adgjmptw adgjmp 147896325 14789632 1478963 12369874 2580 25802580 0258 02580258 0147 01470147
yellow green blue blue123 red red123 black black123 white white123 pink pink123 purple1 orange1
brown silver1 gray grey violet color colors colour rainbow1 bluesky skyblue sky123 cloud cloudy rain
sunny sunshine12 weather
michelle1 jessica12 princess12 nicole12 love12 loveya lovers1 lover1 babygirl1 mybaby
honey1 sweetheart1 darling darling1 dearest sugar1 cupid valentine romance kiss kisses hug hugs
forever21 always always1 everything nothing something anything someone nobody everybody
whatever1 because maybe yes no okay ok123 okok hello1 hello12 hellohello hi hiya hey heyhey
goodbye bye byebye thanks thankyou please sorry welcome2 greetings cheers
jesus123 jesuschrist christian church bible praise glory amen holy angel7 heaven1 paradise
buddha buddha123 amitabha dharma zen karma yoga peace peace1 harmony balance freedom1 liberty
justice truth honest honor respect loyalty trust trust123 faith1 believe believe1 miracle destiny
fate future past present today tomorrow yesterday
doctor nurse teacher student school school1 college university class class123 office work work123
business company company123 boss1 employee staff team team123 project project1 report sales sales123
marketing finance account account1 accounting money1 cash bank bank123 credit paypal bitcoin crypto
payment invoice order customer client client123 partner crm crm123 erp erp123 oa123456 hr123456
it123456 caiwu caiwu123 renshi xiaoshou kefu kefu123 jingli zongjing laoban gongsi gongsi123
bangong bangong123 yewu shichang guanli guanli123 guanliyuan admin@888 admin8888 admin6666 sa123456
sa sa123 sa1234 sapassword dba dba123 user@123 test@123 abc@1234 a123456. a123456! a123456@
qwe123!@# qwe!@#123 1qaz!qaz !qaz1qaz !qaz@wsx !qazxsw2 @wsx3edc #edc4rfv qwe@123 qwe@1234 qaz@123
p@ssw0rd! p@ss1234 p@ss123 p@55word pa$$1234 pass@123 pass@1234 password@1 password@12 password.1
`;

const COMMON = new Set(
  LIST.split(/\s+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase()),
);

export const commonPasswordCount = (): number => COMMON.size;

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase());
}
