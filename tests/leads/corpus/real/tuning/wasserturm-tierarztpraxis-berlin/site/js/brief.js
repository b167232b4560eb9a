/*<![CDATA[*/
var emailriddlerarray=[105,110,102,111,64,116,105,101,114,97,114,122,116,112,114,97,120,105,115,45,119,97,115,115,101,114,116,117,114,109,46,100,101]
var encryptedemail_id87='' //variable to contain encrypted email 
for (var i=0; i<emailriddlerarray.length; i++)
    encryptedemail_id87+=String.fromCharCode(emailriddlerarray[i])
document.write('<a href="mailto:'+encryptedemail_id87+'">'+encryptedemail_id87+'</a>')
/*]]>*/